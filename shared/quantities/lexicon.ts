/** Word lists the quantity parser reads with; kept apart so the rules in parseQuantities.ts stay readable. */

export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR' };

/** Currency words after a number: the ISO code, and the factor for minor units ("56 cents"). */
export const CURRENCY_WORDS: Record<string, { currency: string; factor: number; needsContext?: boolean }> = {
  dollar: { currency: 'USD', factor: 1 },
  dollars: { currency: 'USD', factor: 1 },
  bucks: { currency: 'USD', factor: 1 },
  usd: { currency: 'USD', factor: 1 },
  cents: { currency: 'USD', factor: 0.01 },
  cent: { currency: 'USD', factor: 0.01 },
  euro: { currency: 'EUR', factor: 1 },
  euros: { currency: 'EUR', factor: 1 },
  eur: { currency: 'EUR', factor: 1 },
  // "400 pounds" in an American debate is a weight: pounds are money only after £, a scale word or "sterling".
  pound: { currency: 'GBP', factor: 1, needsContext: true },
  pounds: { currency: 'GBP', factor: 1, needsContext: true },
  gbp: { currency: 'GBP', factor: 1 },
  pence: { currency: 'GBP', factor: 0.01 },
  yen: { currency: 'JPY', factor: 1 },
  yuan: { currency: 'CNY', factor: 1 },
  renminbi: { currency: 'CNY', factor: 1 },
  rupees: { currency: 'INR', factor: 1 },
  roubles: { currency: 'RUB', factor: 1 },
  rubles: { currency: 'RUB', factor: 1 },
  pesos: { currency: 'MXN', factor: 1 },
};

/** Words for people, so "12,000 troops" and "two million Americans" are counted as people. */
export const PEOPLE = new Set(
  (
    'people persons person individuals americans citizens residents voters workers employees jobseekers troops soldiers ' +
    'servicemen servicemembers sailors marines airmen veterans officers police policemen agents guards women men children ' +
    'kids babies infants girls boys adults teenagers youths students pupils teachers doctors nurses patients seniors ' +
    'pensioners retirees immigrants migrants refugees asylum-seekers aliens illegals prisoners inmates criminals ' +
    'felons terrorists fighters victims lobbyists democrats republicans conservatives liberals taxpayers ' +
    'parents mothers fathers miners farmers steelworkers coal-miners nationals civilians hostages ' +
    'hispanics latinos african-americans muslims christians jews catholics protesters demonstrators homeowners ' +
    'renters owners folks friends americans senators congressmen representatives mps legislators ' +
    'judges lawyers scientists economists experts journalists reporters staff staffers contractors personnel ' +
    'recruits volunteers donors millionaires billionaires'
  )
    .split(/\s+/),
);

/** A capitalised plural such as Americans, Syrians, Iraqis, Pakistanis names people. */
export function isPeopleWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (PEOPLE.has(lower)) return true;
  const last = lower.split('-').pop() ?? lower;
  if (PEOPLE.has(last)) return true;
  return /^[A-Z][a-z]+(?:ans|is)$/.test(word.split('-').pop() ?? word);
}

/** Words before a number that make it a label, not a quantity: "Article 5", "number one", "Section 8", "Route 66". */
export const LABEL_WORDS = new Set(
  (
    'number no article articles section sections chapter amendment title phase level grade page pages item rule ' +
    'clause paragraph form room route highway interstate flight proposition prop resolution district precinct ' +
    'ward apollo windows iphone version class category tier step stage game round part volume issue episode ' +
    'channel channels exhibit figure fig table box line lines verse psalm chapter year-end catch top-ten pillar'
  ).split(/\s+/),
);

export const MONTHS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec'
  ).split(/\s+/),
);

/** Function words: a counted noun phrase never starts with or runs across one. */
export const STOPWORDS = new Set(
  (
    'the a an this that these those of in on at to for from by with about as into onto than and or but nor so if ' +
    'is are was were be been being am have has had do does did will would can could should may might must shall not ' +
    "no it its it's they them their theirs we us our you your he him his she her i me my who whom whose which what " +
    'when where why how there here then now just only also very too each every all both either neither such ' +
    'own same other another any some many much most few fewer less least more per via while because since until ' +
    'unless though although after before during over under up down out off again once ago later earlier ' +
    'says said say goes went go gets got get makes made make comes came come means meant takes took take gives ' +
    'gave give like including included includes whether yet still already even ever never always sometimes ' +
    'a.m. p.m. percent per cent alone'
  ).split(/\s+/),
);

/** Modifiers that may stand between a number and the thing counted: "10 million more new jobs". */
export const MODIFIERS = new Set('more new fewer additional extra other less net full-time part-time'.split(' '));

/** Hedges and bounds before a number, longest first, as the `comparison` they give. */
export const COMPARISONS_BEFORE = [
  'no more than', 'no fewer than', 'no less than', 'not more than', 'not less than', 'a little more than',
  'a little over', 'a bit more than', 'more than', 'less than', 'fewer than', 'greater than', 'higher than',
  'lower than', 'at least', 'at most', 'as much as', 'as many as', 'as high as', 'as low as', 'as little as',
  'as few as', 'up to', 'close to', 'in excess of', 'upwards of', 'well over', 'well under', 'well above',
  'well below', 'just over', 'just under', 'just above', 'just below', 'more or less', 'somewhere around',
  'something like', 'an estimated', 'roughly', 'approximately', 'approx.', 'about', 'around', 'almost', 'nearly',
  'over', 'under', 'above', 'below', 'only', 'just', 'exactly', 'precisely', 'virtually', 'fully', 'some',
  'merely', 'barely', 'maybe', 'probably', 'perhaps',
].map((p) => p.split(' '));

/** Changes before a number: "dropped 92 percent", "increased by 17 percent", "down more than $4,000". */
export const CHANGES_BEFORE = [
  'increased by', 'increase of', 'increased', 'rose by', 'rose to', 'rose', 'risen by', 'risen to', 'risen',
  'rise to', 'rise by', 'grew by', 'grew', 'grown by', 'grown', 'jumped by', 'jumped', 'climbed', 'surged',
  'fell by', 'fell to', 'fell', 'fallen by', 'fallen', 'dropped by', 'dropped', 'declined by', 'declined',
  'decreased by', 'decreased', 'plunged', 'cut by', 'cut', 'reduced by', 'reduced', 'raised by', 'raised',
  'went up', 'gone up', 'going up', 'went down', 'gone down', 'going down', 'up by', 'down by', 'up', 'down',
  'doubled to', 'tripled to', 'shrank by', 'lost', 'added', 'gained',
].map((p) => p.split(' '));

/** Words right after a quantity that compare it: "60 percent higher", "440,000 fewer", "$5 trillion or more". */
export const COMPARISONS_AFTER = [
  'or more', 'or less', 'or so', 'or fewer', 'or higher', 'or lower', 'plus', 'and up', 'and counting', 'higher',
  'lower', 'more', 'fewer', 'less', 'increase', 'decrease', 'rise', 'drop', 'cut', 'up', 'down', 'above', 'below',
].map((p) => p.split(' '));

/** Verbs that are a ratio on their own: "unemployment doubled" is a quantity (2×) with its comparison. */
export const RATIO_VERBS: Record<string, number> = {
  doubled: 2, doubling: 2, doubles: 2, tripled: 3, trebled: 3, tripling: 3, quadrupled: 4, halved: 0.5, halving: 0.5,
};

/** Words after "N times" that make it a ratio ("four times longer") rather than a count of occasions. */
export const TIMES_RATIO = new Set(
  'more as larger longer higher bigger greater faster less smaller lower over the what that cheaper costlier richer poorer'.split(' '),
);
