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
/**
 * The first two characters of every spelling and of each word of a two-word spelling: a word that
 * starts otherwise is neither a spelling nor part of one.
 */
const PREFIXES = new Set<string>();
for (const w of byWord.keys()) {
  for (const part of w.split(' ')) {
    if (!/^[a-z0-9]{2}/.test(part))
      throw new Error(`technology spelling "${w}" must start with two letters or digits`);
    PREFIXES.add(part.slice(0, 2));
  }
}
/**
 * A word that may be a spelling. Words are runs of letters and digits joined by `.`, `+` or `-` when
 * a letter or digit follows (`node.js`, `k8s`); a candidate starts where such a word starts (not
 * after a letter or digit, nor after a joiner that follows one) with a known first two characters.
 * One native scan finds the few candidates in a title; most titles have none.
 */
const CANDIDATE_RE = new RegExp(
  `(?<![a-z0-9])(?<![a-z0-9][.+-])(?:${[...PREFIXES].join('|')})[a-z0-9]*(?:[.+-][a-z0-9]+)*`,
  'g',
);
/** Skips what lies between two words; where it stops tells whether another word came between. */
const GAP_RE = /[^a-z0-9]*/y;

/**
 * Technology tags named in `text`, in order of first mention: candidate words are looked up in a
 * table (one hash lookup per word, and per pair of adjacent words for names like "spring boot")
 * instead of matching one large alternation of every spelling.
 */
export function readTechTags(text: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  let prev = '';
  let prevEnd = 0;
  CANDIDATE_RE.lastIndex = 0;
  for (let m = CANDIDATE_RE.exec(s); m !== null; m = CANDIDATE_RE.exec(s)) {
    const word = m[0];
    if (prev !== '') {
      // Another word between the two ends a two-word name.
      GAP_RE.lastIndex = prevEnd;
      GAP_RE.test(s);
      if (GAP_RE.lastIndex !== m.index) prev = '';
    }
    const tag = byWord.get(word) ?? (prev ? byWord.get(`${prev} ${word}`) : undefined);
    if (tag && !out.includes(tag)) out.push(tag);
    prev = word;
    prevEnd = m.index + word.length;
  }
  return out;
}
