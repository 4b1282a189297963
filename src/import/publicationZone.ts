import type { Script } from './detectScript.ts';

/** The clock a page's printed times are read in, and why that one. */
export interface PublicationZone {
  /** `+08:00`. */
  offset: string;
  /** How the report names it: `Beijing time`, `Taipei time`, `Hong Kong time`, `Asia/Tokyo time`, `UTC+08:00`. */
  name: string;
  /** What decided it, for the report: `the site's address ends in .tw`, `--timezone`. */
  why: string;
}

/** What the importer knows of where an article comes from. */
export interface ZoneEvidence {
  script: Script;
  /** The site's address, the credited source, the site name and the author line. */
  url?: string | undefined;
  names: readonly string[];
  /** The date was printed with a Republic of China year (民國105年), which only Taiwan uses. */
  rocYear: boolean;
  /** The article's text, for place names when nothing else tells. */
  text: string;
}

type Region = 'mainland' | 'taiwan' | 'hong kong';

// Beijing, Taipei and Hong Kong all keep UTC+08:00 all year (no daylight saving since 1991, 1979 and 1979), so
// the offset never depends on the region; the name does, and the report must not call a Taipei time Beijing time.
const regions: Readonly<Record<Region, { name: string; tld: RegExp; outlets: RegExp; places: RegExp }>> = {
  mainland: {
    name: 'Beijing time',
    tld: /\.cn$/u,
    outlets: /新华|新華|人民网|人民日报|人民網|央视|央視|中新网|中新社|澎湃|新京报|光明网|中国新闻|中国青年|每日经济|环球时报|财新|经济日报|北京日报|解放日报|南方都市|南方周末/u,
    places: /北京|上海|广州|深圳|国务院|全国人大/gu,
  },
  taiwan: {
    name: 'Taipei time',
    tld: /\.tw$/u,
    outlets: /中央社|中央通訊社|聯合報|聯合新聞網|自由時報|中國時報|中時|ETtoday|公視|三立|TVBS|民視|風傳媒|今日新聞|上報|鏡週刊|報導者|台灣|臺灣|臺北|台北/u,
    places: /台灣|臺灣|台北|臺北|高雄|台中|臺中|立法院|行政院|總統府|國民黨|民進黨/gu,
  },
  'hong kong': {
    name: 'Hong Kong time',
    tld: /\.hk$/u,
    outlets: /香港|明報|星島|東方日報|信報|大公報|文匯報|港台|RTHK|Now新聞|有線新聞|頭條日報|am730|立場新聞|眾新聞/u,
    places: /香港|港府|特首|立法會|九龍|新界|港島/gu,
  },
};
const regionOrder: readonly Region[] = ['taiwan', 'hong kong', 'mainland'];
/** Place names must outnumber the other regions' this many times before the text alone decides. */
const PLACE_MARGIN = 2;

/**
 * The time zone a page's printed times are in: `override` (`--timezone`, an IANA zone or an offset) if given;
 * else the region the page names: the site's address (.cn, .tw, .hk), an outlet or place in the credited source,
 * site name or byline, a Republic of China year, place names in the text (by a clear margin); else the region
 * its script is written in: Simplified is read as Beijing time, Traditional as UTC+08:00 without a city (Taiwan
 * and Hong Kong both write it). `at` (`2019-12-20T15:14:59`) is the local time, for zones with daylight saving.
 */
export function publicationZone(evidence: ZoneEvidence, override?: string, at?: string): PublicationZone | { error: string } {
  if (override !== undefined) return zoneFromOverride(override, at ?? '2000-01-01T12:00:00');
  const host = evidence.url && URL.canParse(evidence.url) ? new URL(evidence.url).hostname : undefined;
  for (const region of regionOrder) {
    if (host && regions[region].tld.test(host)) return named(region, `the site's address ${host}`);
  }
  for (const region of regionOrder) {
    const name = evidence.names.find((n) => regions[region].outlets.test(n));
    if (name) return named(region, `the page names ${name}`);
  }
  if (evidence.rocYear) return named('taiwan', 'the date is written with a Republic of China year (民國)');
  const counts = regionOrder.map((region) => [region, evidence.text.match(regions[region].places)?.length ?? 0] as const);
  const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (top && top[1] > 0 && top[1] >= PLACE_MARGIN * (second?.[1] ?? 0) + 1) {
    return named(top[0], `the text names places in ${top[0] === 'mainland' ? 'mainland China' : top[0] === 'taiwan' ? 'Taiwan' : 'Hong Kong'} ${top[1]} times`);
  }
  if (evidence.script === 'hans') return named('mainland', 'the article is in Simplified script and names no region');
  return { offset: '+08:00', name: 'UTC+08:00', why: 'the article is in Traditional script (Taiwan or Hong Kong, both UTC+08:00) and names neither' };
}

function named(region: Region, why: string): PublicationZone {
  return { offset: '+08:00', name: regions[region].name, why };
}

const offsetPattern = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/iu;

/** `--timezone +08:00`, `UTC+8` or an IANA zone such as `Asia/Taipei` (its offset at the article's local time). */
function zoneFromOverride(value: string, at: string): PublicationZone | { error: string } {
  const offset = offsetPattern.exec(value.trim());
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return { error: `--timezone ${value} is not a UTC offset (use one from -12:00 to +14:00)` };
    const text = `${offset[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    return { offset: text, name: `UTC${text}`, why: '--timezone' };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: value, timeZoneName: 'longOffset' });
  } catch {
    return { error: `--timezone ${value} is neither an offset (+08:00) nor an IANA time zone (Asia/Taipei, Asia/Hong_Kong, Asia/Shanghai)` };
  }
  // The offset at the local time: guess with the offset at that instant in UTC, then correct once.
  const local = Date.parse(`${at}Z`);
  const offsetAt = (instant: number) => {
    const name = format.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/u.exec(name);
    return match?.[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  const minutes = offsetAt(local - offsetAt(local) * 60_000);
  const abs = Math.abs(minutes);
  const text = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { offset: text, name: `${value} time`, why: '--timezone' };
}
