/** Technologies named in item text, reported as tags (`docker`, `postgresql`) so plans can be searched by them. */

/** Canonical tag → spellings (matched case-insensitively on word boundaries). */
const TECH: Readonly<Record<string, readonly string[]>> = {
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

const byWord = new Map<string, string>();
for (const [tag, words] of Object.entries(TECH)) for (const w of words) byWord.set(w, tag);
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
/** Slot of a word character (a–z, 0–9) in 0..35. */
const slotOf = (c: number) => (c >= 97 ? c - 97 : c - 48 + 26);
/**
 * The first two characters of every spelling (and of each word of two-word spellings), by slot:
 * a word that starts otherwise is neither a spelling nor part of one, so it needs no lookup.
 */
const PREFIXES = new Uint8Array(36 * 36);
for (const w of byWord.keys()) {
  for (const part of w.split(' ')) PREFIXES[slotOf(part.charCodeAt(0)) * 36 + slotOf(part.charCodeAt(1))] = 1;
}
/** A word: letters and digits, joined by `.`, `+` or `-` when a letter or digit follows (`node.js`, `k8s`). */
const WORD_RE = /[a-z0-9]+(?:[.+-][a-z0-9]+)*/g;

/**
 * Technology tags named in `text`, in order of first mention. Words are looked up in a table (one
 * hash lookup per word, and per pair of words for names like "spring boot") instead of matching
 * one large alternation, which keeps this linear and cheap on every item. The words are found by a
 * native regex scan: a loop over every character runs in the interpreter in a fresh process.
 */
export function readTechTags(text: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  let prev = '';
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(s); m !== null; m = WORD_RE.exec(s)) {
    const word = m[0];
    const c1 = word.charCodeAt(1);
    if (word.length < 2 || !isWordCode(c1) || PREFIXES[slotOf(word.charCodeAt(0)) * 36 + slotOf(c1)] === 0) {
      // Not a spelling, nor the first or second word of one: as if looked up and not found.
      prev = '';
      continue;
    }
    const tag = byWord.get(word) ?? (prev ? byWord.get(`${prev} ${word}`) : undefined);
    if (tag && !out.includes(tag)) out.push(tag);
    prev = word;
  }
  return out;
}
