/** Technologies named in item text, reported as tags (`docker`, `postgresql`) so plans can be searched by them. */

/** Canonical tag → spellings (matched case-insensitively on word boundaries). */
export const TECH: Readonly<Record<string, readonly string[]>> = {
  docker: ['docker', 'dockerfile', 'docker compose', 'docker-compose'],
  kubernetes: ['kubernetes', 'k8s', 'kubectl'],
  helm: ['helm'],
  postgresql: ['postgresql', 'postgres', 'psql'],
  mysql: ['mysql'],
  mariadb: ['mariadb'],
  sqlite: ['sqlite'],
  mongodb: ['mongodb', 'mongo'],
  redis: ['redis'],
  kafka: ['kafka'],
  rabbitmq: ['rabbitmq'],
  elasticsearch: ['elasticsearch', 'opensearch'],
  solr: ['solr', 'solrcloud'],
  minio: ['minio'],
  s3: ['s3'],
  trino: ['trino'],
  spark: ['spark'],
  grafana: ['grafana'],
  prometheus: ['prometheus'],
  loki: ['loki'],
  jaeger: ['jaeger'],
  opentelemetry: ['opentelemetry', 'otel'],
  terraform: ['terraform'],
  ansible: ['ansible'],
  nginx: ['nginx'],
  traefik: ['traefik'],
  'github-actions': ['github actions', 'github workflows'],
  gitlab: ['gitlab'],
  aws: ['aws'],
  gcp: ['gcp'],
  azure: ['azure'],
  react: ['react'],
  vite: ['vite'],
  typescript: ['typescript'],
  nodejs: ['node.js', 'nodejs'],
  python: ['python'],
  rust: ['rust'],
  java: ['java'],
  'spring-boot': ['spring boot'],
  fastapi: ['fastapi'],
  graphql: ['graphql'],
  websocket: ['websocket', 'websockets'],
  oauth: ['oauth', 'oidc'],
  jwt: ['jwt'],
  mkdocs: ['mkdocs'],
  keycloak: ['keycloak'],
  vault: ['hashicorp vault'],
  trivy: ['trivy'],
  alembic: ['alembic'],
  flyway: ['flyway'],
};

/** Index of a word's first two characters (both ASCII), for the tables below. */
function pairIndex(a: number, b: number): number {
  return a * 128 + b;
}

/**
 * One-word spellings by their first two characters: [spelling, tag]. Both tables are dense (null where
 * no spelling starts so): a sparse array would hold its entries in a dictionary.
 */
const SINGLE: ([string, string][] | null)[] = new Array(128 * 128).fill(null);
/** Two-word spellings by the first two characters of their second word: [first, second, tag]. */
const PAIR: ([string, string, string][] | null)[] = new Array(128 * 128).fill(null);
for (const [tag, words] of Object.entries(TECH)) {
  for (const w of words) {
    const parts = w.split(' ');
    for (const part of parts) {
      if (!/^[a-z0-9][a-z0-9.+-]*[a-z0-9]$/.test(part) || /[.+-]{2}/.test(part))
        throw new Error(
          `technology spelling "${w}": each word is letters and digits, joined by single . + -`,
        );
    }
    if (parts.length > 2) throw new Error(`technology spelling "${w}" has more than two words`);
    const last = parts[parts.length - 1]!;
    const at = pairIndex(last.charCodeAt(0), last.charCodeAt(1));
    if (parts.length === 1) {
      SINGLE[at] ??= [];
      SINGLE[at].push([w, tag]);
    } else {
      PAIR[at] ??= [];
      PAIR[at].push([parts[0]!, last, tag]);
    }
  }
}

/**
 * Every word of every spelling, case-insensitively: a text without one names no technology (most
 * titles). One native test per title spares them the scan, which in a fresh process runs in the
 * interpreter.
 */
const MAY_NAME = new RegExp(
  [...new Set(Object.values(TECH).flatMap((ws) => ws.flatMap((w) => w.split(' '))))]
    .map((w) => w.replace(/[.+]/g, '\\$&'))
    .join('|'),
  'i',
);

/** A lower-case ASCII letter or digit, after folding. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** `c` lower-cased when it is an ASCII capital. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `s` from `start` to `end`, ASCII capitals folded, is `word`. */
function isSpelled(s: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++)
    if (fold(s.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Returned when a title names no technology (most titles): callers only read it. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * Technology tags named in `text`, in order of first mention. Words are runs of letters and digits
 * joined by `.`, `+` or `-` when a letter or digit follows (`node.js`, `k8s`); each word is compared in
 * place with the spellings that share its first two characters, alone and with the word before it (for
 * names like "spring boot"). Written as a scanner rather than a regex over the lower-cased text: that
 * allocated a lower-cased copy and a match per candidate word for every title, a fifth of a parse.
 */
export function readTechTags(text: string): readonly string[] {
  // Lower-casing maps two characters beyond ASCII onto ASCII letters (`İ` to `i̇`, the Kelvin sign to
  // `k`): a text with either is lower-cased first. Otherwise only ASCII capitals change, folded as read.
  let s = text;
  if (text.includes('\u0130') || text.includes('\u212a')) s = text.toLowerCase();
  else if (!MAY_NAME.test(text)) return NONE;
  let out: string[] | null = null;
  let prevStart = -1;
  let prevEnd = -1;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = fold(s.charCodeAt(i));
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = fold(s.charCodeAt(j));
      if (isWordChar(d)) j++;
      else if ((d === 46 || d === 43 || d === 45) && j + 1 < n && isWordChar(fold(s.charCodeAt(j + 1))))
        j += 2;
      else break;
    }
    if (j - i >= 2) {
      const at = pairIndex(c, fold(s.charCodeAt(i + 1)));
      let tag: string | undefined;
      const singles = SINGLE[at] ?? null;
      if (singles !== null) {
        for (let k = 0; k < singles.length && tag === undefined; k++)
          if (isSpelled(s, i, j, singles[k]![0])) tag = singles[k]![1];
      }
      const pairs = PAIR[at] ?? null;
      if (tag === undefined && pairs !== null && prevStart >= 0) {
        for (let k = 0; k < pairs.length && tag === undefined; k++) {
          const [first, second, t] = pairs[k]!;
          if (isSpelled(s, i, j, second) && isSpelled(s, prevStart, prevEnd, first)) tag = t;
        }
      }
      if (tag !== undefined) {
        out ??= [];
        if (!out.includes(tag)) out.push(tag);
      }
    }
    prevStart = i;
    prevEnd = j;
    i = j;
  }
  return out ?? NONE;
}
