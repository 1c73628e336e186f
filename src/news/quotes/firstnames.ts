// Common first names with a clear gender, for "he"/"she" agreement. Small on purpose: an unknown name
// simply agrees with both.

const MALE = `aaron adam adrian ahmed alan alastair albert alex alexander alfred ali alistair andrew andy angus anthony
antonio arnold arthur barry ben benjamin bernard bill billy bob brian bruce carl carlos charles charlie chris christopher
clive colin craig dan daniel darren dave david dean dennis derek des dominic donald douglas duncan ed eddie edward eric
frank fred gareth gary gavin geoff geoffrey george gerald gerry gordon graham greg guy harold harry henry hugh iain ian
jack jacques james jamie jason jeff jeremy jim jimmy joe john jon jonathan jose joseph josh kenneth ken kevin kieran lee
leon liam luke malcolm mark martin matt matthew michael mick mike mohamed mohammed muhammad neil nick nicholas nigel noel
oliver owen patrick paul pete peter phil philip pierre ralph ray raymond richard rick rob robert robin roger ron ronald
rory ross roy russell ryan sam samuel scott sean sebastian simon stan stephen steve steven stuart ted terry thomas tim
timothy tom tony trevor vincent walter warren wayne william willie yusuf abdullah omar hassan hussein khalid mahmoud
sergei vladimir xi gerhard jacques silvio jose luis juan pedro marco giovanni hans karl jurgen lars tobias jack
arsene sven rafael lleyton`.split(/\s+/);

const FEMALE = `alice alison amanda amy andrea angela ann anna anne annie barbara beth betty carol caroline catherine charlotte
cheryl christine claire clare dawn deborah debbie diana diane donna dorothy elaine eleanor elizabeth ellen emily emma
fiona frances gemma gillian gill hannah harriet helen helena hilary jacqueline jane janet jean jennifer jenny jessica jill
joan joanna jo josephine joyce judith judy julia julie karen kate katherine kathleen kathryn kelly kirsty laura lauren
linda lisa liz louise lucy lynn lynne margaret maria marie marion mary maureen melanie michelle nancy natalie nicola
nicole pamela patricia paula pauline rachel rebecca rose ruth sally samantha sandra sarah sharon sheila shirley sophie
stephanie sue susan suzanne tessa theresa tina tracey tracy valerie vanessa victoria wendy yvonne zoe cara sheila joni
kelly paula sonia tanni denise beverley glenda estelle clara fatima aisha mariam layla leila nadia salma`.split(/\s+/);

export const MALE_NAMES: ReadonlySet<string> = new Set(MALE.filter((n) => n && !FEMALE.includes(n)));
export const FEMALE_NAMES: ReadonlySet<string> = new Set(FEMALE.filter((n) => n && !MALE.includes(n)));
