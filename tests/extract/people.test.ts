import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { ExtractionResult } from '../../src/types.js';
import { articleFromText } from './helpers.js';

// data/extract/people.json: one actor for a prominent person across articles, however an article names them.
const run = (body: string, publishedAt: string | null = null): ExtractionResult =>
  extract({ ...articleFromText(`Test article\n\n${body}`), publishedAt });
const person = (r: ExtractionResult, id: string) => r.actors.find((a) => a.id === id && a.kind === 'PERSON');
const ids = (r: ExtractionResult) => r.actors.map((a) => a.id);

describe('prominent people across articles', () => {
  it('a title and a distinctive surname are the canonical person, who holds the stance', () => {
    const r = run('Foreign Minister Lavrov said Russia would not back the draft resolution.');
    expect(person(r, 'sergei-lavrov')?.name).toBe('Sergei Lavrov');
    expect(ids(r)).not.toContain('lavrov');
    expect(r.stances.some((s) => s.speaker === 'sergei-lavrov' || s.source === 'sergei-lavrov')).toBe(true);
  });

  it('"Mr Blair" with no full name in the article is Tony Blair', () => {
    const r = run('Mr Blair criticised the Conservatives on Tuesday.');
    expect(person(r, 'tony-blair')?.aliases).toContain('Mr Blair');
    expect(ids(r)).not.toContain('blair');
  });

  it('a common surname never resolves alone: "Chancellor Brown" and "Mr Brown" stay as written', () => {
    expect(ids(run('Chancellor Brown attacked the Tory plans.', '2004-11-02'))).not.toContain('gordon-brown');
    expect(ids(run('Mr Brown attacked the plans of the club.', '2004-11-02'))).not.toContain('gordon-brown');
  });

  it('a first-name variant of a listed person is that person, in any year; of anyone else, as written', () => {
    // people.json lists "Vince Cable" from 2007; BBC in 2004 writes "Vincent Cable"
    expect(ids(run('Vincent Cable attacked the plan.', '2004-11-02'))).toEqual(['vince-cable']);
    expect(ids(run('Yassir Arafat rejected the plan.', '2004-05-02'))).toEqual(['yasser-arafat']);
    // not listed: "Andy Scott" and "Andrew Scott" may be two people
    expect(ids(run('Andy Scott backed the plan.', '2004-11-02'))).toEqual(['andy-scott']);
  });

  it('a surname with no title, or with a peerage the person never had, does not resolve', () => {
    expect(ids(run('Ban on hunting comes into force as Ban meets MPs.', '2008-02-18'))).not.toContain(
      'ban-ki-moon',
    );
    expect(ids(run('Judge Lord Osborne ruled against the ministers.', '2005-02-01'))).not.toContain(
      'george-osborne',
    );
    expect(
      person(run('Lord Falconer said the plans were fair.', '2005-02-01'), 'charles-falconer'),
    ).toBeDefined();
  });

  it('a name variant gets the canonical id ("Bashar Assad" is Bashar al-Assad)', () => {
    const r = run('Bashar Assad rejected the Arab League plan.');
    expect(person(r, 'bashar-al-assad')?.name).toBe('Bashar al-Assad');
    expect(ids(r)).not.toContain('bashar-assad');
  });

  it('the full name stated in the article wins over the gazetteer ("Cherie Blair" then "Mrs Blair")', () => {
    const r = run('Cherie Blair spoke to the charity. Mrs Blair praised its work.');
    expect(person(r, 'cherie-blair')).toBeDefined();
    expect(ids(r)).not.toContain('tony-blair');
  });

  it("the article's year tells people of one name apart", () => {
    const late = run('George Bush urged Congress to act.', '2004-05-01');
    const early = run('George Bush urged Congress to act.', '1991-05-01');
    const lateId = late.actors.find((a) => a.kind === 'PERSON')?.id;
    const earlyId = early.actors.find((a) => a.kind === 'PERSON')?.id;
    expect(lateId).toBe('george-w-bush');
    expect(earlyId).not.toBe('george-w-bush');
  });

  it('a name owning something after "at"/"in" is a person, not a place; a saint\'s name is not', () => {
    const r = run(
      "The talks were held at John Smithson's farm. Mr Smithson welcomed them. Fans met at St Mary's ground.",
    );
    expect(person(r, 'john-smithson')).toBeDefined();
    expect(r.actors.find((a) => a.id === 'st-mary')?.kind).not.toBe('PERSON');
  });
});

describe('a distinctive surname that acts', () => {
  it('"Lavrov criticised", "said Lavrov." with no title are the prominent person', () => {
    expect(ids(run('Lavrov criticised the plan.', '2012-01-31'))).toEqual(['sergei-lavrov']);
    expect(ids(run('The plan is good, said Lavrov.', '2012-01-31'))).toEqual(['sergei-lavrov']);
    // after an appositive: "Lavrov, speaking in Moscow, said", "Putin, who was in Paris, criticised"
    expect(ids(run('Lavrov, speaking in Moscow, said the plan was bad.', '2012-01-31'))).toContain(
      'sergei-lavrov',
    );
    expect(ids(run('Putin, who was in Paris, criticised the plan.', '2012-01-31'))).toContain(
      'vladimir-putin',
    );
  });
  it('a hyphenated given name opening a sentence: "Ban Ki-moon", "Kim Jong-un" (not "World Cup-winning")', () => {
    const r = run('It rained. Kim Jong-un threatened South Korea.', '2013-03-01');
    expect(r.stances.map((s) => `${s.source} ${s.kind} ${s.target}`)).toEqual([
      'kim-jong-un THREATEN south-korea',
    ]);
    expect(ids(run('He spoke. Ban Ki-moon condemned the attack.', '2012-01-31'))).toContain('ban-ki-moon');
    expect(ids(run('He is a World Cup-winning coach.', '2005-01-01'))).toEqual([]);
  });
  it('or is acted on: "urged Assad to quit", "turned against Assad"', () => {
    const r = run('Turkey urged Assad to quit. Turkey turned against Assad.', '2012-01-31');
    expect(ids(r)).toContain('bashar-al-assad');
    expect(r.stances.map((s) => `${s.source} ${s.kind} ${s.target}`)).toEqual([
      'turkey URGE bashar-al-assad',
      'turkey OPPOSE bashar-al-assad',
    ]);
    // not in another year's news, nor before a capitalised word (another name)
    expect(ids(run('Turkey urged Assad to quit.', '1995-01-01'))).not.toContain('bashar-al-assad');
  });
  it('not a word the article also writes in lower case, nor a first name of someone named', () => {
    expect(
      ids(run('Cable offers video-on-demand as cable TV firms backed the plan.', '2005-01-01')),
    ).not.toContain('vince-cable');
    expect(
      ids(run('Sharon Osbourne criticised the police. The watch Sharon said was rare.', '2005-01-01')),
    ).not.toContain('ariel-sharon');
  });
});

describe('offices named alone', () => {
  const targets = (r: ExtractionResult) =>
    r.stances.map((s) => `${s.source} ${s.kind} ${typeof s.target === 'string' ? s.target : s.target.name}`);
  it('"the prime minister" is the one person named earlier who held the office (people.json offices)', () => {
    expect(
      targets(run('Tony Blair spoke. Michael Howard accused the prime minister and Mr Brown of lying.')),
    ).toEqual(['michael-howard ACCUSE tony-blair', 'michael-howard ACCUSE brown']);
    // "of" and a gerund after the office is what he is accused of; "the PM" is the prime minister
    expect(
      targets(run('Tony Blair spoke. Michael Howard accused the PM of misleading the country.')),
    ).toEqual(['michael-howard ACCUSE tony-blair']);
    // a person the article gives another office of other years is not meant
    expect(
      targets(
        run('Chancellor Gordon Brown and Tony Blair spoke. Michael Howard criticised the prime minister.'),
      ),
    ).toEqual(['michael-howard CRITICIZE tony-blair']);
    // two who held it, no date to choose: nobody
    expect(
      targets(run('Gordon Brown and Tony Blair spoke. Michael Howard criticised the prime minister.')),
    ).toEqual([]);
    // the article's year chooses
    expect(
      targets(
        run('Gordon Brown and Tony Blair spoke. David Cameron criticised the prime minister.', '2009-03-01'),
      ),
    ).toEqual(['david-cameron CRITICIZE gordon-brown']);
    // a party before the role: the one who led that party
    expect(
      targets(run('Michael Howard and Tony Blair spoke. The Tory leader criticised the prime minister.')),
    ).toEqual(['michael-howard CRITICIZE tony-blair']);
  });

  it('a role of something else, or nobody named before, is no one', () => {
    expect(targets(run('George W Bush spoke. Mr Blair praised the president of the Law Society.'))).toEqual([
      'tony-blair PRAISE president of the Law Society',
    ]);
    expect(targets(run('Michael Howard criticised the prime minister. Tony Blair spoke.'))).toEqual([]);
  });
});

describe('titles that name no one', () => {
  it('"former" alone is no role: "the former England forward" makes no person England', () => {
    const r = run('The former England forward said he would back the manager.');
    expect(r.actors.find((a) => a.id === 'england')?.kind).not.toBe('PERSON');
  });

  it('"General Election" and "General Motors" are not people', () => {
    const r = run('Ford and General Motors lost ground before the General Election, Mr Smith said.');
    expect(ids(r)).not.toContain('motors');
    expect(ids(r)).not.toContain('election');
  });
});

describe('names with particles, surnames that are place words, knights', () => {
  it('lower-case particles belong to the name, and the surname with them is the same person', () => {
    const r = run(
      'Chief executive Jeroen van der Veer defended the decision. Mr van der Veer said the critics were wrong.',
    );
    expect(person(r, 'jeroen-van-der-veer')?.aliases).toContain('Mr van der Veer');
    expect(ids(r)).not.toContain('jeroen');
    expect(ids(r)).not.toContain('van-der-veer');
    const s = run('Ursula von der Leyen criticised Russia.');
    expect(s.stances.map((x) => `${x.source} ${x.kind} ${x.target}`)).toContain(
      'ursula-von-der-leyen CRITICIZE russia',
    );
  });

  it('a prominent surname with particles resolves alone after a title ("Mr de Villepin")', () => {
    const r = run('Mr de Villepin criticised the United States.', '2004-03-01');
    expect(person(r, 'dominique-de-villepin')).toBeDefined();
  });

  it('a prominent person named once and holding no stance is still an actor', () => {
    expect(person(run('Osama bin Laden urged his followers to fight on.'), 'osama-bin-laden')).toBeDefined();
  });

  it('a place word after an honorific is a surname, with its own id ("Mrs Jordan", "Mr Holland")', () => {
    const r = run('Mrs Jordan attacked the plan. Mr Holland praised the Netherlands.');
    expect(person(r, 'jordan-person')).toBeDefined();
    expect(person(r, 'holland')).toBeDefined();
    expect(r.actors.find((a) => a.id === 'jordan')).toBeUndefined();
    expect(r.stances.find((x) => x.kind === 'CRITICIZE')?.source).toBe('jordan-person');
  });

  it('given names and common words among the alternative country spellings are no countries', () => {
    const r = run(
      'Dominique Strauss-Kahn criticised the plan. Island Records backed the band. Mr Mann spoke.',
    );
    const countries = r.actors.filter((a) => a.kind === 'COUNTRY').map((a) => a.id);
    expect(countries).toEqual([]);
    expect(person(r, 'dominique-strauss-kahn')).toBeDefined();
  });

  it('"Sir Phil" after "Sir Phil Watts" is the same person, and the alias starts at the title', () => {
    const r = run(
      'The row led to the resignation of its chairman, Sir Phil Watts. Sir Phil criticised the board.',
    );
    const a = person(r, 'phil-watts');
    expect(a?.aliases).toContain('Sir Phil');
    expect(a?.aliases).toContain('Sir Phil Watts');
    expect(a?.aliases.some((x) => x.includes('chairman'))).toBe(false);
    expect(ids(r)).not.toContain('phil');
  });
});

describe('roles of sport, business and show business', () => {
  it('farmers, writers, wings and archbishops: the role is no part of the name', () => {
    const r = run(
      'Farmer Geoff Brooks criticised the ban. France wing Christophe Dominici praised the team. Archbishop Desmond Tutu criticised the plan. Archbishop Tutu said so.',
    );
    expect(ids(r).sort()).toEqual(['christophe-dominici', 'desmond-tutu', 'france', 'geoff-brooks']);
  });

  it('a nationality noun before a name is no part of it ("Swede Joachim Johansson", "Frenchman Arnaud Clement")', () => {
    const r = run(
      'Swede Joachim Johansson criticised the plan. Frenchman Arnaud Clement praised Spaniard Rafael Nadal.',
    );
    expect(ids(r)).toEqual(expect.arrayContaining(['joachim-johansson', 'arnaud-clement', 'rafael-nadal']));
    expect(ids(r).some((x) => /^(swede|frenchman|spaniard)-/.test(x))).toBe(false);
  });

  it('songwriters, journalists and solicitors: the role is no part of the name', () => {
    const r = run('Songwriter Guy Chambers backed the scheme. Journalist John Simpson criticised the BBC.');
    expect(ids(r)).toEqual(expect.arrayContaining(['guy-chambers', 'john-simpson']));
    expect(ids(r).some((x) => /^(songwriter|journalist)-/.test(x))).toBe(false);
  });

  it('unknown names ending in Capital, Foods, Networks, Energy, Management are organisations', () => {
    const r = run(
      'Nortel Networks criticised the plan. Kraft Foods backed the deal. TCI Fund Management opposed the bid.',
    );
    for (const id of ['nortel-networks', 'kraft-foods', 'tci-fund-management'])
      expect(r.actors.find((a) => a.id === id)?.kind).toBe('ORGANIZATION');
  });

  it('"US-based", "London-based" before a name are no part of it', () => {
    const r = run(
      'The US-based Massachusetts Institute of Technology backed the plan. London-based Amnesty International criticised the law.',
    );
    expect(ids(r)).toEqual(
      expect.arrayContaining(['massachusetts-institute-of-technology', 'amnesty-international']),
    );
    expect(ids(r).some((x) => x.includes('-based'))).toBe(false);
  });

  it('a role word before a name is no part of it ("Singer Britney Spears", "Manager Brian Kerr")', () => {
    const r = run('Singer Britney Spears backed the campaign. Manager Brian Kerr praised the players.');
    expect(ids(r)).toContain('britney-spears');
    expect(ids(r)).toContain('brian-kerr');
    expect(ids(r).some((x) => x.startsWith('singer-') || x.startsWith('manager-'))).toBe(false);
  });

  it('"best actor Oscar" is an award; "will captain England" a verb; a headline does not describe the body', () => {
    const r = run('Marlon Brando turned down his best actor Oscar. Amor will captain England in the games.');
    expect(ids(r)).not.toContain('oscar');
    expect(r.actors.find((a) => a.id === 'england')?.kind).not.toBe('PERSON');
    const h = extract({ ...articleFromText('Payoff for former Shell boss\n\nShell is to pay the money.') });
    expect(h.actors.find((a) => a.id === 'shell')?.kind).not.toBe('PERSON');
  });

  it('a surname goes to the person named last with it ("Sir Ian Blair ... Tony Blair ... Mr Blair")', () => {
    const r = run(
      'Sir Ian Blair said the threat was real. Tony Blair defended his proposals. Michael Howard accused Mr Blair of steamrolling the plans.',
    );
    expect(r.stances.find((s) => s.kind === 'ACCUSE')?.target).toBe('tony-blair');
    // unless the title says otherwise: "Mr Blair" after "Mrs Blair" is not her
    const c = run(
      'Tony Blair spoke. Cherie Blair praised the charity. Mrs Blair criticised it. Mr Blair backed the plan.',
    );
    expect(c.stances.find((s) => s.kind === 'SUPPORT')?.source).toBe('tony-blair');
  });
});

describe('organisations', () => {
  it('every spelling of a name counts: "Nato" as well as "NATO"', () => {
    for (const t of ['Nato criticised Russia.', 'NATO criticised Russia.'])
      expect(run(t).stances.map((s) => `${s.source} ${s.kind} ${s.target}`)).toEqual([
        'nato CRITICIZE russia',
      ]);
  });

  it('a longer name one word on wins over "the world": "the World Trade Organisation"', () => {
    const r = run('The FAO has urged the World Trade Organisation to conclude the talks.');
    expect(r.stances.map((s) => `${s.source} ${s.kind} ${s.target}`)).toEqual([
      'food-and-agriculture-organization URGE wto',
    ]);
  });

  it('"Security Council" inside a longer name is another body; alone or after "Britain\'s" it is the UN\'s', () => {
    const r = run(
      "Iran's Supreme National Security Council rejected the plan. The National Security Council backed the deal. " +
        'The Russian Security Council met. The Security Council condemned the attack. ' +
        "Britain's Security Council seat was debated, and the US opposed the General Assembly resolution.",
    );
    const target = (t: (typeof r.stances)[number]['target']) => (typeof t === 'string' ? t : t.id);
    expect(r.stances.map((x) => `${x.source} ${x.kind} ${target(x.target)}`)).toEqual([
      'supreme-national-security-council REJECT topic:plan',
      'national-security-council SUPPORT topic:deal',
      'un-security-council CONDEMN topic:attack',
      'united-states OPPOSE topic:general-assembly-resolution',
    ]);
    expect(r.actors.find((a) => a.id === 'un-security-council')?.mentions).toBe(2);
  });

  it('the G7, the G8 and the G20 are three bodies', () => {
    const r = run('The G7 criticised China. The G20 backed the plan. The G8 urged Russia to act.');
    expect(r.stances.map((x) => x.source)).toEqual(['g7', 'g20', 'g8']);
  });

  it('"PA" is the Palestinian Authority only where the article names it', () => {
    expect(ids(run('The PA news agency said the minister backed the plan.'))).not.toContain(
      'palestinian-authority',
    );
    expect(
      ids(run('The Palestinian Authority condemned the attack. The PA said it would respond.')),
    ).toContain('palestinian-authority');
  });

  it('"the Commission" alone is the organisation last named with it, or no actor', () => {
    const r = run('The European Commission criticised Britain. The Commission said the plan was unfair.');
    expect(ids(r)).toEqual(['european-commission', 'united-kingdom']);
    expect(r.stances.map((s) => s.source)).toEqual(['european-commission', 'european-commission']);
    expect(ids(run('The Commission criticised the plan.'))).toEqual([]);
    // a name the chunk lost its start of: the whole name
    expect(ids(run("Groups including the Musicians' Union called for an end to the deal."))).toContain(
      'musicians-union',
    );
    expect(ids(run('The Police Federation opposes the plan.'))).toContain('police-federation');
    // newspapers and legislatures are named alone
    expect(ids(run('The Guardian criticised the plan.'))).toEqual(['guardian']);
    // radio stations and newspapers are organisations, not people; the BBC's services are the BBC
    const kinds = Object.fromEntries(
      run(
        'The Evening Standard and the Daily Record criticised Virgin Radio. He told BBC Radio Sheffield.',
      ).actors.map((a) => [a.id, a.kind]),
    );
    expect(kinds).toEqual({
      'evening-standard': 'ORGANIZATION',
      'daily-record': 'ORGANIZATION',
      'virgin-radio': 'ORGANIZATION',
      bbc: 'ORGANIZATION',
    });
  });

  it('parties, militant groups and agencies of world news are known actors', () => {
    const r = run(
      'Likud criticised the plan. Islamic State attacked the town. Xinhua said the CDU and the SPD backed the deal.',
    );
    for (const id of ['likud', 'islamic-state', 'xinhua']) expect(ids(r)).toContain(id);
  });
});
