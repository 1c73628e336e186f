// English speaker families beyond the plain patterns (english-patterns.test.ts): owners and bodies around a
// name, descriptions as subjects, pronouns far from their antecedent. Made-up sentences, one per row.

import { describePatterns, type PatternCase } from './pattern-cases.ts';

const CASES: PatternCase[] = [
  // The speaker after the verb, behind an owner.
  { name: '"Q," said Plural-Owner\' role X.', text: '"Demand is cooling," said Harbury Partners\' senior analyst Mina Cole.', want: [['Mina Cole', 'Demand is cooling']] },
  { name: '"Q," said Owner\'s role, X.', text: '"We will not sign this," said Norland\'s trade minister, Pavel Rusu.', want: [['Pavel Rusu', 'We will not sign this']] },
  { name: '"Q," said A and B role X.', text: '"The list surprised us," said Fenwick and Hale managing director Tara Quin.', want: [['Tara Quin', 'The list surprised us']] },
  { name: '"Q," added A and B\'s X.', text: '"Margins will recover," added Dorset and Vale\'s Ruth Amos.', want: [['Ruth Amos', 'Margins will recover']] },
  { name: '"Q," said X and Y (two people: the first)', text: '"We are delighted," said Ian Moss and Ben Hart.', want: [['Ian Moss', 'We are delighted']] },

  // "Name, Organisation said" and "Name, Owner's role, said".
  { name: 'X, Body said: "Q."', text: 'Gordon Pratt, Seaview Traders Association said: "Footfall is down again."', want: [['Gordon Pratt', 'Footfall is down again.']] },
  { name: '"Q," X, Owner\'s role, said.', text: '"The figures are robust," Helen Ward, Corvex\'s finance director, said on Monday.', want: [['Helen Ward', 'The figures are robust']] },
  { name: 'Owner\'s role, the former role X, said Q.', text: 'Ward\'s deputy, the former banker Ollie Baptiste, said the budget was tight.', want: [['Ollie Baptiste', 'the budget was tight']] },
  { name: 'The role, X, VERB ... "Q," she said.', text: 'The festival\'s director, Ingrid Falk, moved to the city in 1990. "It has changed beyond recognition," she said.', want: [['Ingrid Falk', 'It has changed beyond recognition']] },
  { name: 'The Role of Place, the Title Title X, VERB ... the Role said Q.', text: 'The Dean of Selwick, the Very Rev Dr Alan Pryce, called the plan "reckless". Later the Dean said the chapter would vote in May.', want: [['Alan Pryce', 'reckless'], ['Alan Pryce', 'the chapter would vote in May']] },
  { name: 'X called the NOUN "frag".', text: 'Lena Voss called the new timetable "a gift to motorists".', want: [['Lena Voss', 'a gift to motorists']] },
  { name: 'a NOUN called "Title" is a name, not speech', text: 'Tom Ruiz joined a band called "Night Ferry" in 2001.', want: [] },
  { name: '"Q," said a BODY role-noun.', text: '"The track will reopen on Friday," said a Network Rail spokeswoman.', want: [['a Network Rail spokeswoman', 'The track will reopen on Friday']] },
  { name: 'as X, BODY role, warned OBJ not to ...', text: 'It came as Dame Ruth Kell, TUC general secretary, warned ministers not to freeze public pay.', want: [['Ruth Kell', 'ministers not to freeze public pay']] },
  { name: 'Plural-Owner\' role has called for ... to be ...', text: 'Marcus Innes\' lawyer has called for the case against his client to be dropped.', want: [["Marcus Innes' lawyer", 'the case against his client to be dropped']] },
  { name: 'role X who called NP "frag" (no comma before who)', text: 'The verdict was welcomed by gallery director Sir Tom Hale who called the ruling "a victory for artists".', want: [['Tom Hale', 'a victory for artists']] },
  { name: 'BODY has forecast that Q.', text: 'Ratings agency Stellar Partners has forecast that house prices will fall by 5% next year.', want: [['Stellar Partners', 'house prices will fall by 5% next year']] },
  { name: 'Owner\'s government has confirmed Q.', text: "Peru's government has confirmed it is preparing an emergency budget.", want: [["Peru's government", 'it is preparing an emergency budget']] },
  { name: 'X confirmed NP (a noun object, no report)', text: 'Orbis confirmed the sale of its Dutch arm on Monday.', want: [] },
  { name: 'X wrote on PLATFORM that Q "frag".', text: 'Olu Danso wrote on his blog that the deal was "a betrayal".', want: [['Olu Danso', 'a betrayal']] },
  { name: 'known to NOUN as "Label" inside a report is no quote', text: 'The coach said his keeper - known to the crowd as "the Wall" - would play on Sunday.', want: [['The coach', 'his keeper - known to the crowd as "the Wall" - would play on Sunday']] },
  { name: 'Owner\'s delegation said Q.', text: 'Talks stalled. Norland’s delegation said the proposal ignored the fishing fleet.', want: [['Norland’s delegation', 'the proposal ignored the fishing fleet']] },
  { name: 'X called it "A", while Y described it as "B": each their own', text: 'The Post\'s critic called it "a triumph", while the magazine Arcadia described the ending as "limp".', want: [["The Post's critic", 'a triumph'], ['Arcadia', 'limp']] },

  // Pronouns far from their antecedent: a profile names its subject once.
  {
    name: 'X named in the first paragraph, "Q," he says after description',
    text: 'Ravi Sethi has run the corner shop on Mill Lane for thirty years. Now, at 64, the shopkeeper of Mill Lane is selling up. The shelves are half empty. A buyer has been found.\n\n"It is time somebody younger had a go," he says.',
    want: [['Ravi Sethi', 'It is time somebody younger had a go']],
  },
  {
    name: '"Q," he says after other voices, far from the last he',
    text: 'Piet Rome is standing for mayor. "I know this town," he says.\n\nHis sister, Elsa, is less sure. "He has never run anything," she says. "He should start small."\n\nTheir mother, Ines, laughs. "They have argued since they were five," she says. "Nothing ever really changes."\n\nThe campaign opens on Monday with a walk through the market. Posters are already up. The budget is small.\n\n"We will knock on every door," he says.',
    want: [['Piet Rome', 'I know this town'], ['Elsa', 'He has never run anything'], ['Elsa', 'He should start small.'], ['Ines', 'They have argued since they were five'], ['Ines', 'Nothing ever really changes.'], ['Piet Rome', 'We will knock on every door']],
  },
  { name: 'The body VERB from X (an object), then "She said ..." after another speaker', text: 'Ms Corran said the firm had ignored warnings. The inquiry then heard from Julia Feltham, a former safety officer. She said the alarms had been switched off for months.', want: [['Corran', 'the firm had ignored warnings'], ['Julia Feltham', 'the alarms had been switched off for months']] },
  { name: 'X met Y (a person subject), then "He said ...": the subject', text: 'Tom Bell met Ian Moss on Friday. He said the talks had gone well.', want: [['Tom Bell', 'the talks had gone well']] },
  { name: 'the MP for Place is no speaker named Place', text: 'Ann Vesey has sat in the Commons since 2010. Now the MP for Kelby Moor wants to lead her party. Few expected it. "I am ready," she says.', want: [['Ann Vesey', 'I am ready']] },
  { name: '"Q," said Minister for Place X Y (office with its place, then the name)', text: '"The border stays open," said Minister for Trade Elna Varga.', want: [['Elna Varga', 'The border stays open']] },
  { name: 'X, of KIND Body, said: "Q." (a person of a body)', text: 'Nadia Ferris, of stockbroker Hale Whitmore, said: "The dividend is safe for now."', want: [['Nadia Ferris', 'The dividend is safe for now.']] },
  { name: 'Modifier firm-kind X VERB ...; "Q," it said.', text: 'Drinks maker Velo has cut 40 jobs in Leeds. "This was a difficult decision," it said.', want: [['Velo', 'This was a difficult decision']] },

  // A description as the subject after a quotation: the person named before, by a rule for its shape.
  { name: '"Q," the ADJ agent-noun said (unlisted head).', text: 'Ivy Marsh, 81, has kept bees for sixty years. "The hives have never been so quiet," the retired beekeeper said.', want: [['Ivy Marsh', 'The hives have never been so quiet']] },
  { name: '"Q," the AGE family-noun of N said (no one agrees: the description speaks)', text: 'Rosa Lind was cleared on Friday. The jury took an hour. "I just want to go home," the 38-year-old father of three said.', want: [['the 38-year-old father of three', 'I just want to go home']] },
  { name: '"Q," the AGE family-noun of N said (agreeing).', text: 'Karl Tove was cleared on Friday. The jury took an hour. "I just want to go home," the 38-year-old father of three said.', want: [['Karl Tove', 'I just want to go home']] },
  { name: '"Q," the -woman said.', text: 'Jean Pryor has delivered letters in the valley since 1990. "Every house knows my van," the postwoman said.', want: [['Jean Pryor', 'Every house knows my van']] },
  { name: '"Q," the paper said: a thing is no description', text: 'Orbis Media cut 300 jobs. "This is a sad day," the paper said.', want: [] },
];

describePatterns('English speaker families', 'en', CASES);
