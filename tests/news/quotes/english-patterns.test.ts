// Common English attribution shapes, one short made-up item each: who is quoted, and what.
// These are the plain patterns of news copy that any extractor must get, independently of the BBC gold.

import { describePatterns, type PatternCase } from './pattern-cases.ts';

const CASES: PatternCase[] = [
  // "Q," X said. / "Q," said X.
  { name: '"Q," X said.', text: '"We will appeal against the ruling," Tom Harlow said.', want: [['Tom Harlow', 'We will appeal against the ruling']] },
  { name: '"Q," said X.', text: '"We are happy," said John Smith.', want: [['John Smith', 'We are happy']] },
  { name: '"Q," X says.', text: '"It is a tough market," Ben Okafor says.', want: [['Ben Okafor', 'It is a tough market']] },
  { name: '"Q," says X.', text: '"It is a tough market," says Ben Okafor.', want: [['Ben Okafor', 'It is a tough market']] },
  { name: '"Q," X said (particles)', text: '"We will rebuild," Pieter van der Berg said.', want: [['Pieter van der Berg', 'We will rebuild']] },
  { name: '"Q?" asked X.', text: '"Where has all the money gone?" asked Nils Obi.', want: [['Nils Obi', 'Where has all the money gone?']] },
  { name: '"Q," X added.', text: '"The team played well," Dave Rennie added.', want: [['Dave Rennie', 'The team played well']] },
  { name: '"Q," X told reporters.', text: '"The rules are unfair," Gemma Rowe told reporters.', want: [['Gemma Rowe', 'The rules are unfair']] },
  { name: '"Q," X said of ...', text: '"It was a bad decision," Oliver Grant said of the merger.', want: [['Oliver Grant', 'It was a bad decision']] },
  { name: '"Q," X said yesterday.', text: '"It was a bad decision," Oliver Grant said yesterday.', want: [['Oliver Grant', 'It was a bad decision']] },

  // "Q," X, ROLE, said. / "Q," said X, ROLE.
  { name: '"Q," X, ROLE, said.', text: '"Sales fell sharply in the autumn," Maria Keller, the firm\'s finance director, said.', want: [['Maria Keller', 'Sales fell sharply in the autumn']] },
  { name: '"Q," X, ROLE of Y, told ...', text: '"We need more staff," Lena Fox, the head of Kingsbridge Hospital, told reporters on Friday.', want: [['Lena Fox', 'We need more staff']] },
  { name: '"Q," X, a ROLE for Y, said on DAY.', text: '"The plan is dead," Jane Doe, a spokeswoman for Orbis Media, said on Tuesday.', want: [['Jane Doe', 'The plan is dead']] },
  { name: '"Q," said X, ROLE of Y.', text: '"The deal is done," said Peter Quill, chief executive of Orbis Media.', want: [['Peter Quill', 'The deal is done']] },
  { name: '"Q," said X, the ROLE.', text: '"This is a fair deal," said Bob Crane, the union\'s general secretary.', want: [['Bob Crane', 'This is a fair deal']] },
  { name: '"Q," said Dr X, a ROLE at Y.', text: '"Nobody expected this," said Dr Lena Fox, a researcher at Kingsbridge University.', want: [['Lena Fox', 'Nobody expected this']] },

  // "Q," ROLE X said.
  {
    name: '"Q," role and role X said (long quote)',
    text: '"Our order book has never been fuller, and every one of our factories is running close to capacity," chairman and chief executive Victor Lamb said.',
    want: [['Victor Lamb', 'Our order book has never been fuller, and every one of our factories is running close to capacity']],
  },
  { name: '"Q," Title X said.', text: '"Costs are simply too high," Finance Minister Ana Ruiz said.', want: [['Ana Ruiz', 'Costs are simply too high']] },
  { name: '"Q," role X said.', text: '"This is a fair deal for workers," union leader Bob Crane said.', want: [['Bob Crane', 'This is a fair deal for workers']] },
  { name: '"Q," said role X.', text: '"This is a fair deal," said union leader Bob Crane.', want: [['Bob Crane', 'This is a fair deal']] },
  { name: '"Q," Title X told Y.', text: '"We will not be rushed," Prime Minister Ivo Tamm told parliament.', want: [['Ivo Tamm', 'We will not be rushed']] },
  { name: '"Q," role X said (lower-case role)', text: '"The market has turned," economist Ruth Adeyemi said.', want: [['Ruth Adeyemi', 'The market has turned']] },

  // "Q," the ROLE, X, said. / "Q," the company's ROLE X said on Monday.
  { name: '"Q," the ROLE, X, said.', text: '"Costs are too high," the chairman, Victor Hale, said.', want: [['Victor Hale', 'Costs are too high']] },
  { name: '"Q," the ROLE, X, told the BBC.', text: '"It is unacceptable," the mayor, Rita Solberg, told the BBC.', want: [['Rita Solberg', 'It is unacceptable']] },
  { name: '"Q," the company\'s ROLE X said on Monday.', text: '"Prices will rise," the company\'s boss Jane Doe said on Monday.', want: [['Jane Doe', 'Prices will rise']] },
  { name: '"Q," the bank\'s ROLE X said in a statement.', text: '"Rates will rise next year," the bank\'s chief economist Harriet Vance said in a statement.', want: [['Harriet Vance', 'Rates will rise next year']] },
  { name: '"Q," said the firm\'s ROLE X.', text: '"Rates will rise next year," said the bank\'s chief economist Harriet Vance.', want: [['Harriet Vance', 'Rates will rise next year']] },

  // The three-line example: each quote keeps its own attribution.
  {
    name: 'three attributions in a row',
    text: '"Our results were strong," chairman and chief executive Victor Lamb said.\n"We are happy," said John Smith.\n"Prices will rise," the company\'s boss Jane Doe said on Monday.',
    want: [
      ['Victor Lamb', 'Our results were strong'],
      ['John Smith', 'We are happy'],
      ['Jane Doe', 'Prices will rise'],
    ],
  },

  // X said: "Q." / X said "Q". / X told Y: "Q"
  { name: 'X said: "Q."', text: 'Gemma Rowe said: "We have done nothing wrong."', want: [['Gemma Rowe', 'We have done nothing wrong.']] },
  { name: 'X said "Q".', text: 'Gemma Rowe said "the figures speak for themselves".', want: [['Gemma Rowe', 'the figures speak for themselves']] },
  { name: 'X told the BBC: "Q"', text: 'Oliver Grant told the BBC: "There is no plan B."', want: [['Oliver Grant', 'There is no plan B.']] },
  { name: 'X told the BBC\'s programme: "Q"', text: 'Oliver Grant told the BBC\'s Today programme: "There is no plan B."', want: [['Oliver Grant', 'There is no plan B.']] },
  { name: 'Title X said: "Q."', text: 'Prime Minister Ivo Tamm said: "We will not be rushed."', want: [['Ivo Tamm', 'We will not be rushed.']] },
  { name: 'X, AGE, said: "Q."', text: 'Keziah Morrow, 45, said: "It was terrifying."', want: [['Keziah Morrow', 'It was terrifying.']] },
  { name: 'X said last week: "Q."', text: 'Oliver Grant said last week: "I will not resign."', want: [['Oliver Grant', 'I will not resign.']] },
  { name: 'X, ROLE, said on DAY: "Q."', text: 'Jane Doe, a spokeswoman for Orbis Media, said on Tuesday: "The plan is dead."', want: [['Jane Doe', 'The plan is dead.']] },

  // Continuation: "Q1," X said. "Q2."
  {
    name: '"Q1," X said. "Q2."',
    text: '"We were poor today," Dave Rennie said. "We must improve quickly."',
    want: [
      ['Dave Rennie', 'We were poor today'],
      ['Dave Rennie', 'We must improve quickly.'],
    ],
  },
  {
    name: '"Q1," said X. (new paragraph) "Q2."',
    text: '"We were poor today," said Dave Rennie.\n\n"We must improve quickly or we will go down."',
    want: [
      ['Dave Rennie', 'We were poor today'],
      ['Dave Rennie', 'We must improve quickly or we will go down.'],
    ],
  },
  {
    name: '"Q1," said X, "Q2."',
    text: '"The results," said Ann Lee, "were better than we had hoped."',
    want: [
      ['Ann Lee', 'The results'],
      ['Ann Lee', 'were better than we had hoped.'],
    ],
  },

  // Reported speech.
  { name: 'According to X, Q.', text: 'According to Sam Ortiz, the factory will close in May.', want: [['Sam Ortiz', 'the factory will close in May']] },
  { name: 'Q, according to X.', text: 'The factory will close in May, according to Sam Ortiz.', want: [['Sam Ortiz', 'The factory will close in May']] },
  { name: 'X said that Q.', text: 'Sam Ortiz said that the factory would close in May.', want: [['Sam Ortiz', 'the factory would close in May']] },
  { name: 'X said Q.', text: 'Sam Ortiz said the factory would close in May.', want: [['Sam Ortiz', 'the factory would close in May']] },
  { name: 'X says Q.', text: 'Ben Okafor says the market is tough.', want: [['Ben Okafor', 'the market is tough']] },
  { name: 'X warned that Q.', text: 'Laura Finch warned that interest rates could rise again.', want: [['Laura Finch', 'interest rates could rise again']] },
  { name: 'X warned OBJ that Q.', text: 'Laura Finch warned investors that the market was overheated.', want: [['Laura Finch', 'the market was overheated']] },
  { name: 'X insisted Q.', text: 'Nils Obi insisted the company had done nothing wrong.', want: [['Nils Obi', 'the company had done nothing wrong']] },
  { name: 'X told reporters Q.', text: 'Gemma Rowe told reporters the rules were unfair.', want: [['Gemma Rowe', 'the rules were unfair']] },
  { name: 'X, ROLE of the Y, said Q.', text: 'Hugo Brandt, head of the Westfield Trust, said the plan was unworkable.', want: [['Hugo Brandt', 'the plan was unworkable']] },
  { name: 'The ROLE, X, said Q.', text: 'The mayor, Rita Solberg, said the council had failed residents.', want: [['Rita Solberg', 'the council had failed residents']] },
  { name: 'Title X warned that Q.', text: 'Home Secretary Helen Quist warned that the threat was real.', want: [['Helen Quist', 'the threat was real']] },
  { name: 'X said in a statement that Q.', text: 'Acme Holdings said in a statement that it would cut 200 jobs.', want: [['Acme Holdings', 'it would cut 200 jobs']] },
  { name: 'In a statement, X said Q.', text: 'In a statement, Acme Holdings said it would appeal.', want: [['Acme Holdings', 'it would appeal']] },
  { name: 'X said, adding that Q.', text: '"We are ready," Tom Harlow said, adding that the squad was fully fit.', want: [['Tom Harlow', 'We are ready'], ['Tom Harlow', 'the squad was fully fit']] },

  // Adverbials of time and place, between the name and the verb or after the verb.
  { name: 'X on DAY said Q.', text: 'Oliver Grant on Monday said the talks had been useful.', want: [['Oliver Grant', 'the talks had been useful']] },
  { name: 'X said on DAY that Q.', text: 'Oliver Grant said on Monday that the talks had been useful.', want: [['Oliver Grant', 'the talks had been useful']] },
  { name: 'X said in an interview with the BBC that Q.', text: 'Oliver Grant said in an interview with the BBC that he would not resign.', want: [['Oliver Grant', 'he would not resign']] },
  { name: '"Q," X said at a press conference in PLACE.', text: '"The talks were useful," Oliver Grant said at a press conference in Geneva.', want: [['Oliver Grant', 'The talks were useful']] },
  { name: '"Q," X said in a statement.', text: '"I will not resign," Oliver Grant said in a statement.', want: [['Oliver Grant', 'I will not resign']] },
  { name: '"Q," X said in a statement (company).', text: '"We are delighted," Orbis Media said in a statement.', want: [['Orbis Media', 'We are delighted']] },
  { name: 'Speaking at ..., X said Q.', text: 'Speaking at a press conference in Geneva, Oliver Grant said the talks had stalled.', want: [['Oliver Grant', 'the talks had stalled']] },
  { name: 'X, speaking in PLACE, said Q.', text: 'Oliver Grant, speaking in Geneva, said the talks had stalled.', want: [['Oliver Grant', 'the talks had stalled']] },
  { name: '"Q," X, speaking in PLACE, said.', text: '"The talks have stalled," Oliver Grant, speaking in Geneva, said.', want: [['Oliver Grant', 'The talks have stalled']] },
  { name: '"Q," X told the BBC\'s programme.', text: '"There is no plan B," Oliver Grant told the BBC\'s Today programme.', want: [['Oliver Grant', 'There is no plan B']] },

  // Age and relative clauses.
  { name: '"Q," X, AGE, said.', text: '"It was terrifying," Keziah Morrow, 45, said.', want: [['Keziah Morrow', 'It was terrifying']] },
  { name: '"Q," said X, who ...', text: '"It was a shock," said Ann Lee, who has lived in the town for 30 years.', want: [['Ann Lee', 'It was a shock']] },
  { name: '"Q," said X, who runs ...', text: '"Fares will go up," said Nils Obi, who runs the bus company.', want: [['Nils Obi', 'Fares will go up']] },

  // Pronouns, short forms and definite nouns take the person or body met before.
  { name: '"Q," he said.', text: 'Tom Harlow arrived late for the hearing. "I am sorry for the delay," he said.', want: [['Tom Harlow', 'I am sorry for the delay']] },
  { name: 'he → the man of two', text: 'Sarah Quinn introduced Tom Harlow to the board. "It is an honour to be here," he said.', want: [['Tom Harlow', 'It is an honour to be here']] },
  { name: 'she → the woman of two', text: 'Police spoke to Mark Daly and Helen Quist on Friday. "I did nothing wrong," she said.', want: [['Helen Quist', 'I did nothing wrong']] },
  { name: 'she → a woman met by title', text: 'Ms Quist was elected in 2010. "I have never lost a vote," she said.', want: [['Quist', 'I have never lost a vote']] },
  { name: 'Mr X after the full name', text: 'Harold Benn, the club treasurer, opened the meeting. Later Mr Benn said: "We are almost broke."', want: [['Harold Benn', 'We are almost broke.']] },
  { name: '"Q," Mr X said after the full name', text: 'Tom Harlow became manager in June. "We have a young squad," Mr Harlow said.', want: [['Tom Harlow', 'We have a young squad']] },
  { name: 'Ms X told ... after the full name', text: 'Sarah Quinn is the firm\'s new chief executive. Ms Quinn told staff: "Change is coming."', want: [['Sarah Quinn', 'Change is coming.']] },
  { name: 'the firm said after a company', text: 'Acme Holdings reported a loss of $5m. "Trading was difficult," the firm said.', want: [['Acme Holdings', 'Trading was difficult']] },
  { name: 'The company said Q after a company', text: 'Acme Holdings cut its forecast on Tuesday. The company said demand had slumped.', want: [['Acme Holdings', 'demand had slumped']] },
  { name: '"Q," it said after a company', text: 'Orbis Media will close two plants. "This was a hard decision," it said.', want: [['Orbis Media', 'This was a hard decision']] },
  { name: '"Q," the minister said after the named minister', text: 'Transport Minister Ivo Tamm faced calls to quit on Monday. "I will not resign," the minister said.', want: [['Ivo Tamm', 'I will not resign']] },

  // Several sentences inside one pair of marks.
  { name: 'multi-sentence "Q," said role X.', text: '"We lost. We deserved to lose. Now we rebuild," said coach Dave Rennie.', want: [['Dave Rennie', 'We lost. We deserved to lose. Now we rebuild']] },
  { name: 'X said: multi-sentence "Q."', text: 'Ann Lee said: "The market is weak. Prices are falling. We must act now."', want: [['Ann Lee', 'The market is weak. Prices are falling. We must act now.']] },
  { name: 'multi-sentence "Q," X, ROLE, said.', text: '"It is over. We are leaving," Maria Keller, the firm\'s finance director, said.', want: [['Maria Keller', 'It is over. We are leaving']] },

  // Attribution in the following or the preceding sentence.
  {
    name: 'a quotation before an attributed one',
    text: '"We tried everything to save the firm."\n\n"Nothing worked in the end," said Ann Lee.',
    want: [
      ['Ann Lee', 'We tried everything to save the firm.'],
      ['Ann Lee', 'Nothing worked in the end'],
    ],
  },
  {
    name: 'a quotation after a reported one',
    text: 'Ann Lee said the firm would fight on. "We will never give up on this town."',
    want: [
      ['Ann Lee', 'the firm would fight on'],
      ['Ann Lee', 'We will never give up on this town.'],
    ],
  },

  // More roles, bodies and adverbials.
  { name: '"Q," Body-of-Place role X said on DAY.', text: '"The economy is recovering faster than we expected," Bank of England governor Mervyn Clarke said on Tuesday.', want: [['Mervyn Clarke', 'The economy is recovering faster than we expected']] },
  { name: '"Q," the group\'s ROLE, X, told Y.', text: '"We have no plans to sell," the group\'s chief executive, Anil Mehta, told shareholders.', want: [['Anil Mehta', 'We have no plans to sell']] },
  { name: '"Q," said CLUB role X.', text: '"I am delighted with the result," said Wigan manager Paul Jewell.', want: [['Paul Jewell', 'I am delighted with the result']] },
  { name: '"Q," Party role X said in a radio interview.', text: '"There is no crisis," Labour spokeswoman Joan Ruddock said in a radio interview.', want: [['Joan Ruddock', 'There is no crisis']] },
  { name: '"Q," a spokesman for BODY said.', text: '"We will look at all the options," a spokesman for the Department of Health said.', want: [['a spokesman for the Department of Health', 'We will look at all the options']] },
  { name: '"Q," said X, AGE, a ROLE.', text: '"It\'s a sad day for the industry," said Colin Fairbanks, 52, a former miner.', want: [['Colin Fairbanks', "It's a sad day for the industry"]] },
  { name: '"Q," Dr X, who ..., told Y.', text: '"We need to act now," Dr Sarah Lyle, who led the study, told BBC News.', want: [['Sarah Lyle', 'We need to act now']] },
  { name: '"Q," former role X said of ...', text: '"He was a great player," former England captain Bryan Robbins said of his team-mate.', want: [['Bryan Robbins', 'He was a great player']] },
  { name: '"Q," Owner\'s ROLE X said last month.', text: '"Sales were disappointing," Marks and Spencer\'s chairman Luc Vandevelde said last month.', want: [['Luc Vandevelde', 'Sales were disappointing']] },
  { name: '"Q," admitted Body role X.', text: '"We got it wrong," admitted Ryanair boss Michael O\'Leary.', want: [['Michael O\'Leary', 'We got it wrong']] },
  { name: '"Q," fumed role X.', text: '"It is a disgrace," fumed Labour MP Diane Abbott.', want: [['Diane Abbott', 'It is a disgrace']] },
  { name: '"Q," X, AGE, of PLACE, told the court.', text: '"I didn\'t do it," Tom Hagen, 23, of Leeds, told the court.', want: [['Tom Hagen', "I didn't do it"]] },
  { name: '"Q," said Professor X of Y.', text: '"The plan is flawed," said Professor Alan Reid of Glasgow University.', want: [['Alan Reid', 'The plan is flawed']] },
  { name: '"Q," the airline\'s ROLE, X, said on DAY.', text: '"We are confident of a deal," the airline\'s spokeswoman, Claire Dunn, said on Friday.', want: [['Claire Dunn', 'We are confident of a deal']] },
  { name: '"Q1," he added, "Q2."', text: 'Tom Harlow signed the papers. "It is a fantastic deal," he added, "and good for the club."', want: [['Tom Harlow', 'It is a fantastic deal'], ['Tom Harlow', 'and good for the club.']] },
  { name: 'Title X said on DAY that Q.', text: 'Energy minister Brian Wilson said on Thursday that the plant would stay open.', want: [['Brian Wilson', 'the plant would stay open']] },
  { name: 'The owner\'s ROLE, X, said Q.', text: 'The firm\'s finance director, Jane Morton, said profits would rise.', want: [['Jane Morton', 'profits would rise']] },
  { name: 'X, the ROLE, has said Q.', text: 'John Reid, the health secretary, has said the NHS will meet its targets.', want: [['John Reid', 'the NHS will meet its targets']] },
  { name: 'Company said in a statement Q.', text: 'Microsoft said in a statement it would fix the flaw.', want: [['Microsoft', 'it would fix the flaw']] },
  { name: 'Writing in ..., the ROLE X argued that Q.', text: 'Writing in the Guardian, the author Zadie Sharp argued that libraries were vital.', want: [['Zadie Sharp', 'libraries were vital']] },
  { name: 'In an interview with ..., Mr X said Q.', text: 'In an interview with the Financial Times, Mr Ghosn said Nissan would expand in China.', want: [['Ghosn', 'Nissan would expand in China']] },
  { name: '"Q," said the magazine after a named magazine', text: 'The award was given by US magazine Mobile PC.\n\n"We included only items that were potentially mobile," said the magazine.', want: [['Mobile PC', 'We included only items that were potentially mobile']] },
  { name: 'the party said after the named party', text: 'The Rural Alliance Party will meet in Harrogate. In 2003 the party said it would never go back to Torquay.', want: [['The Rural Alliance Party', 'it would never go back to Torquay']] },
  { name: 'the government is a body of its own', text: 'Acme Holdings lost the case. The government claimed the firm had lied.', want: [['The government', 'the firm had lied']] },
  { name: 'a name after a preposition is no subject', text: 'Sources close to the minister said he would resign.', want: [] },

  { name: '"Q," a ADJ Mr X said last night.', text: 'Tom Tamm won the seat in 2010. "Nothing has changed," a defiant Mr Tamm said last night.', want: [['Tom Tamm', 'Nothing has changed']] },
  { name: '"Q," X warned OBJ.', text: '"Prices will rise," Laura Finch warned investors.', want: [['Laura Finch', 'Prices will rise']] },
  { name: '"Q," X urged OBJ on DAY.', text: '"Go home and stay safe," Rita Solberg urged residents on Saturday.', want: [['Rita Solberg', 'Go home and stay safe']] },
  { name: 'X warned Q (no addressee).', text: 'Laura Finch warned the plan would fail.', want: [['Laura Finch', 'the plan would fail']] },
  { name: 'NOUN in Company ..., the firm warned Q.', text: 'Shares in Acme fell 5% after the firm warned profits would be lower than expected.', want: [['Acme', 'profits would be lower than expected']] },
  { name: '"Q1," X told Y in PLACE. "Q2."', text: '"This is not the end," Angela Merkel told reporters in Berlin. "We will find a solution."', want: [['Angela Merkel', 'This is not the end'], ['Angela Merkel', 'We will find a solution.']] },
  { name: 'X said: "Q." She added that Q2.', text: 'Rita Solberg said: "We tried." She added that the council had run out of money.', want: [['Rita Solberg', 'We tried.'], ['Rita Solberg', 'the council had run out of money']] },
  { name: 'X, the ROLE, said Q with a fragment.', text: 'Dave Rennie, the coach, said his side had been "outplayed".', want: [['Dave Rennie', 'outplayed']] },
  { name: 'Asked ..., Mr X said: "Q."', text: 'Asked whether he would stand again, Mr Tamm said: "That is for the voters."', want: [['Tamm', 'That is for the voters.']] },
  { name: 'In a letter ..., role Sir X wrote that Q.', text: 'In a letter to shareholders, chairman Sir Ian Prosser wrote that the year had been difficult.', want: [['Ian Prosser', 'the year had been difficult']] },

  { name: 'X was ADJ: "Q." (no reporting verb)', text: 'Tom Harlow was unrepentant: "I would do it again."', want: [['Tom Harlow', 'I would do it again.']] },
  { name: '"Q," conceded Dr X, ROLE at Y.', text: '"We\'re not there yet," conceded Dr Helen Quist, head of research at the institute.', want: [['Helen Quist', "We're not there yet"]] },
  { name: '"Q," said AGE-year-old X.', text: '"It\'s brilliant," said 12-year-old Jamie Cole.', want: [['Jamie Cole', "It's brilliant"]] },
  { name: '"Q," admitted the ROLE, X, in an interview.', text: '"We had no idea," admitted the club\'s owner, Frank Dunne, in an interview.', want: [['Frank Dunne', 'We had no idea']] },
  { name: 'X, AGE, from PLACE, said Q.', text: 'Ann Lee, 67, from Bristol, said the floods were the worst she had seen.', want: [['Ann Lee', 'the floods were the worst she had seen']] },

  { name: '"Q," said X.Y. Z (initials).', text: '"Magic is real," said J.K. Rowling.', want: [['J.K. Rowling', 'Magic is real']] },
  { name: '"Q," Title X Y. Z said (middle initial).', text: '"We won\'t back down," US President George W. Bush said.', want: [['George W. Bush', "We won't back down"]] },
  { name: '"Q," X, who ..., said.', text: '"We need answers," Ms Quist, who chairs the committee, said.', want: [['Quist', 'We need answers']] },
  { name: '"Q" - X said on ...', text: '"We\'re ready" - Tom Harlow said on the eve of the final.', want: [['Tom Harlow', "We're ready"]] },

  // Marks that are not quotations.
  { name: 'so-called "..."', text: 'The so-called "peace plan" was published on Monday.', want: [] },
  { name: 'a film title', text: 'The film "Silent River" opens in cinemas next week.', want: [] },
  { name: 'an album title in commas', text: 'The band\'s new album, "Northern Lights", went straight to number one.', want: [] },
  { name: 'a title after a verb', text: 'He starred in "The Long Road Home" in 2004.', want: [] },
  { name: 'dubbed "..."', text: 'The press dubbed him "the iron chancellor" years ago.', want: [] },
  { name: 'scare quotes inside reported speech', text: 'Ann Lee said the so-called "peace plan" was a sham.', want: [['Ann Lee', 'the so-called "peace plan" was a sham']] },
  { name: 'a film title inside a quotation', text: '"I loved making Silent River," said Ann Lee.', want: [['Ann Lee', 'I loved making Silent River']] },
  // Issue 14: "Name, Organisation said:", inverted possessives, descriptions as subjects, ages, long runs.
  { name: 'X, ORG, said: "Q"', text: 'Mara Quinn, Lowland Water, said: "Bills will not rise this year."', want: [['Mara Quinn', 'Bills will not rise this year.']] },
  { name: '"Q," X, ORG, said.', text: '"Bills will not rise this year," Mara Quinn, Lowland Water, said.', want: [['Mara Quinn', 'Bills will not rise this year']] },
  { name: 'X, ORG ORG, told Y: "Q"', text: 'Dev Patel, Harbour Freight Services, told the BBC: "Our lorries are stuck at the port."', want: [['Dev Patel', 'Our lorries are stuck at the port.']] },
  { name: '"Q," said ORG\'s ROLE X.', text: '"Demand for tablets is slowing," said Forrester\'s analyst Tom Reyes.', want: [['Tom Reyes', 'Demand for tablets is slowing']] },
  { name: '"Q," said ORG\'s ROLE ROLE X.', text: '"The merger makes sense," said Lowland\'s chief economist Ada Brook.', want: [['Ada Brook', 'The merger makes sense']] },
  { name: 'the DESCRIPTION said (named before)', text: 'Kelly Marsh won the 60m hurdles in Glasgow. The world indoor champion said she was delighted with the time.', want: [['Kelly Marsh', 'she was delighted with the time']] },
  { name: '"Q," the DESCRIPTION said (named before)', text: 'Kelly Marsh won the 60m hurdles in Glasgow. "I felt strong from the start," the former European champion said.', want: [['Kelly Marsh', 'I felt strong from the start']] },
  { name: '"Q," the AGE said (named before)', text: 'Sam Oduya scored twice on Saturday. "I have waited a long time for this," the 31-year-old said.', want: [['Sam Oduya', 'I have waited a long time for this']] },
  { name: '"Q," said the AGE ROLE X.', text: '"We never gave up," said the 27-year-old striker Sam Oduya.', want: [['Sam Oduya', 'We never gave up']] },
  {
    name: 'a quotation over several paragraphs, far from its speaker',
    text: 'Ruth Adeyemi, the bank\'s chief economist, said: "Rates will stay where they are for now.\n\n"Inflation is falling, but wages are still rising fast.\n\n"We expect the first cut in the spring."',
    want: [['Ruth Adeyemi', 'Rates will stay where they are for now.\n\n"Inflation is falling, but wages are still rising fast.\n\n"We expect the first cut in the spring.']],
  },
  {
    name: 'quoted paragraphs after the speaker\'s first quote',
    text: '"The season starts badly for us," said coach Ivan Petrov.\n\n"We lost three players in the summer."\n\n"The new ones need time."\n\n"I ask the fans to be patient."',
    want: [
      ['Ivan Petrov', 'The season starts badly for us'],
      ['Ivan Petrov', 'We lost three players in the summer.'],
      ['Ivan Petrov', 'The new ones need time.'],
      ['Ivan Petrov', 'I ask the fans to be patient.'],
    ],
  },
  {
    name: 'the speaker named only in the first paragraph',
    text: 'Transport Minister Ivo Tamm has ordered a review of rail fares after a winter of complaints.\n\nThe review will report in June.\n\n"Fares have risen faster than wages," he said.',
    want: [['Ivo Tamm', 'Fares have risen faster than wages']],
  },
  // Issue 14, session 16: more speaker shapes.
  { name: 'ROLE-noun Name said that Q (name ending in s).', text: 'Insurance group Hollis said that claims had doubled.', want: [['Hollis', 'claims had doubled']] },
  { name: '"Q," said Place mod ROLE X.', text: '"The course is ready," said Leeds race director Anna Pike.', want: [['Anna Pike', 'The course is ready']] },
  { name: '"Q," said one of ROLE, X.', text: '"We will appeal at once," said one of his lawyers, Teodor Vass.', want: [['Teodor Vass', 'We will appeal at once']] },
  { name: '"Q," said the ROLE of Y, Party ROLE X.', text: '"This is a wasted chance," said the chair of the transport committee, Labour MP Nora Quill.', want: [['Nora Quill', 'This is a wasted chance']] },
  { name: 'It has been suggested Q (passive, no speaker).', text: 'It has been suggested the stadium will be sold.', want: [] },
  { name: 'NP did X, suggesting Q (no speaker).', text: 'Last year, the figures showed a fall in sales, suggesting a weak market.', want: [] },
  { name: 'Capitalized preposition is no subject.', text: 'During the talks the union was backed by most staff, saying the offer was poor.', want: [] },
  { name: 'Clause, Mr X, said Q (stray comma).', text: 'Although the plan was vague, Mr Corvin, said prices would fall.', want: [['Corvin', 'prices would fall']] },
  { name: 'The BODY (ACRONYM) said Q.', text: 'The Coastal Fisheries Board (CFB) said quotas would be cut.', want: [['The Coastal Fisheries Board', 'quotas would be cut']] },
  { name: 'ADJ Place Affairs Committee (ACRONYM) has said Q.', text: 'The influential Home Affairs Committee (HAC) has said the rules are too weak.', want: [['Home Affairs Committee', 'the rules are too weak']] },
  { name: 'X recommended OBJ to ... (directive).', text: 'Orbis Software said the flaw was rare and recommended customers to install the patch.', want: [['Orbis Software', 'the flaw was rare'], ['Orbis Software', 'customers to install the patch']] },
  { name: 'X advised OBJ to ... (directive).', text: 'Harbour Freight advised drivers to avoid the port on Monday.', want: [['Harbour Freight', 'drivers to avoid the port on Monday']] },
  { name: 'X specified that Q with a fragment.', text: 'The Alder Prize committee specified that entries had to be "written in the last two years".', want: [['The Alder Prize committee', 'written in the last two years']] },
  { name: 'X maintained Q.', text: 'Tom Harlow maintained he had never seen the letter.', want: [['Tom Harlow', 'he had never seen the letter']] },
  { name: 'Q, X told a long addressee.', text: 'Fares could double within five years, Orbis Rail told a meeting of investors at its headquarters in Derby last spring.', want: [['Orbis Rail', 'Fares could double within five years']] },
  { name: 'Q "frag", Title X, ROLE of Y said (no closing comma).', text: 'The club must apologise for "the harm it has done", Rabbi Aron Feld, founder of the Jordan Centre said.', want: [['Aron Feld', 'the harm it has done']] },
  { name: 'X, ROLE of Y said Q (no closing comma).', text: 'Ann Bell, director of the Westfield Trust said the plan was dead.', want: [['Ann Bell', 'the plan was dead']] },
  { name: '"Q," said Surname (ending in s).', text: '"I have no regrets about leaving," said Hodges.', want: [['Hodges', 'I have no regrets about leaving']] },
  { name: '"Q," the AGE in words said (named before)', text: 'Sarah Laine won the junior title in Oslo. "I did not expect it at all," the fifteen-year-old said.', want: [['Sarah Laine', 'I did not expect it at all']] },
  { name: '"Q," the AGE ADJ POSITION said (named before)', text: 'Carlos Ribeiro scored the winner. "It was the best goal of my life," the 23-year-old Brazilian midfielder said.', want: [['Carlos Ribeiro', 'It was the best goal of my life']] },
  { name: 'X, who has said Q "frag" (relative after an apposition)', text: 'Another critic is the former head of the agency, Professor Ann Bell, who has said there is no case for a "total overhaul".', want: [['Ann Bell', 'total overhaul']] },
  { name: 'X - who ... - said Q (dashes)', text: 'One of the so-called Leeds Three, Tom Gale - who was wrongly jailed for the fire - said the families were relieved.', want: [['Tom Gale', 'the families were relieved']] },
  { name: 'According to Name CLAUSE (no comma)', text: 'According to Orbis Research 30% of homes with fast broadband say it has changed how they watch television.', want: [['Orbis Research', '30% of homes with fast broadband say it has changed how they watch television']] },
  { name: '"Q," X said in a statement posted on ... (no second complement)', text: '“We will appeal,” the club said in a statement posted on its website.', want: [['the club', 'We will appeal']] },
  { name: 'A body-kind ROLE said: "Q"', text: 'A government spokesperson said: “We are aware of the reports.”', want: [['A government spokesperson', 'We are aware of the reports.']] },
  { name: 'A ROLE alone is too vague', text: 'A spokesman said the road would reopen soon.', want: [] },
  { name: 'X said Q "frag" and that Q2 (a second, unquoted clause)', text: 'Ann Bell said it was a "huge relief" to hear the verdict and that her family could now move on.', want: [['Ann Bell', 'huge relief'], ['Ann Bell', 'her family could now move on']] },
  { name: 'X said Q1 and that Q2 (no quoted words: one complement)', text: 'Orbis said sales rose 5% and that profits were flat.', want: [['Orbis', 'sales rose 5% and that profits were flat']] },
  { name: 'before X announced NP, CLAUSE (a noun object, no report)', text: 'Even before Orbis announced this latest spending boost it was a big backer of the project.', want: [] },
  { name: 'X claimed NP PRONOUN VERB was ... (a reduced relative)', text: 'Tom Bell claimed the man he met was a spy.', want: [['Tom Bell', 'the man he met was a spy']] },
  { name: 'Q, a BODY of PLURAL has said.', text: 'A new fund for rural buses should be set up, a panel of MEPs has said.', want: [['a panel of MEPs', 'A new fund for rural buses should be set up']] },
  { name: 'Some of the PLURAL said Q (vague)', text: 'Some of the MPs said the bill was rushed.', want: [] },
  { name: 'Q "frag", the Place x and y BODY added.', text: 'There was an "acute shortage" of nurses and other care staff, the Commons health and social care committee added.', want: [['the Commons health and social care committee', 'acute shortage']] },
  { name: 'The owner\'s office said ... that Q "frag"', text: 'The governor\'s office said in a statement that the meeting had been "useful".', want: [["The governor's office", 'useful']] },
  { name: '"Q," the band said on PLATFORM.', text: '"We are gutted to cancel," the band said on Instagram.', want: [['the band', 'We are gutted to cancel']] },
  { name: 'In a statement, the family said Q "frag".', text: 'In a statement, the family said they were "heartbroken".', want: [['the family', 'heartbroken']] },
  { name: 'According to a statement from BODY, Q (the author speaks)', text: 'According to a statement from the club, the keeper will be out for a month.', want: [['the club', 'the keeper will be out for a month']] },
  { name: 'Q "frag", X\'s agent said.', text: 'She was "thrilled" with the offer, Ann Pike\'s agent said.', want: [["Ann Pike's agent", 'thrilled']] },
  { name: 'the ADJ body-noun said Q (named before)', text: 'Orbis Foods will open 40 new stores this year.\n\nThe discount retailer said the stores would create 900 jobs.', want: [['Orbis Foods', 'the stores would create 900 jobs']] },
];

describePatterns('English attribution patterns', 'en', CASES, 60);
