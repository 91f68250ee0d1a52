#!/usr/bin/env bash
# The CI recipes of deploy/ci/ (GitLab and GitHub), run as their runners would run them, against a
# real S3-compatible server on this machine (moto's, with the aws CLI, from tests/ci/
# requirements.txt, installed by scripts/setup.sh): the binary fetched and checked against its
# checksum, `offers site` on a copy of content/, the upload. Then what the bucket holds is checked:
# every file of the site and nothing else (no .br or .gz), the hashed files immutable (code,
# styles, and the full texts a large bundle keeps apart: one long offer is added to the content
# so that there are some), the wasm with its type, the pages revalidated. The binary is target/offers-with-app (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
venv=$repo/target/ci-venv
binary=$repo/target/offers-with-app
[ -x "$binary" ] || { echo "recipes: $binary missing (built by scripts/test.sh)" >&2; exit 2; }
work=$(mktemp -d /tmp/offres-ci.XXXXXX)
port=${S3_PORT:-4566}
"$venv/bin/moto_server" -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

export PATH="$venv/bin:$PATH" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=eu-west-3
export OFFERS_URL="file://$binary" OFFERS_SHA256=$(sha256sum "$binary" | cut -d' ' -f1)
export SITE_URL=https://www.example.gouv.fr/emplois/ S3_ENDPOINT="http://127.0.0.1:$port"
aws --endpoint-url "$S3_ENDPOINT" s3 mb s3://offres >/dev/null

# The commands of each recipe, in order, as one script (GitLab runs them with `set -eo pipefail`;
# GitHub's run steps stop at the first error too).
python3 - "$work" <<'PY'
import sys, yaml
work = sys.argv[1]
gitlab = yaml.safe_load(open('deploy/ci/gitlab-ci.yml'))['publish']['script']
open(f'{work}/gitlab.sh', 'w').write('set -eo pipefail\n' + '\n'.join(gitlab) + '\n')
github = yaml.safe_load(open('deploy/ci/github-publish.yml'))['jobs']['publish']['steps']
runs = [s['run'] for s in github if 'run' in s]
open(f'{work}/github.sh', 'w').write('set -eo pipefail\n' + '\n'.join(runs) + '\n')
PY

check() { # recipe, bucket prefix
  local site=$1/site prefix=$2 problems=0
  local expected listed
  expected=$(cd "$site" && find . -type f ! -name '*.br' ! -name '*.gz' | sed 's#^\./##' | sort)
  listed=$(aws --endpoint-url "$S3_ENDPOINT" s3 ls --recursive "s3://offres/$prefix/" | awk '{ print $4 }' | sed "s#^$prefix/##" | sort)
  if [ "$expected" != "$listed" ]; then
    echo "recipes: $prefix: the bucket does not hold exactly the site's files:"; diff <(echo "$expected") <(echo "$listed") | head -20; problems=1
  fi
  head() { aws --endpoint-url "$S3_ENDPOINT" s3api head-object --bucket offres --key "$prefix/$1" --query "[ContentType, CacheControl]" --output text; }
  local wasm css page texts
  wasm=$(cd "$site" && ls offres-*_bg.wasm) css=$(cd "$site" && ls offres-*.css)
  page=$(cd "$site" && ls offres/*.html | sed -n 1p)
  texts=$(cd "$site" && ls textes/texte-*.json | sed -n 1p)
  [ -n "$texts" ] || { echo "recipes: $prefix: no text file (textes/): the long offer should make some"; problems=1; }
  for expectation in "$wasm|application/wasm	public, max-age=31536000, immutable" \
      "$css|text/css	public, max-age=31536000, immutable" \
      "$texts|application/json	public, max-age=31536000, immutable" \
      "index.html|text/html	no-cache" "offers.json|application/json	no-cache" "$page|text/html	no-cache"; do
    local key=${expectation%%|*} want=${expectation#*|} got
    got=$(head "$key")
    if [ "$got" != "$want" ]; then echo "recipes: $prefix/$key: '$got', expected '$want'"; problems=1; fi
  done
  [ "$problems" = 0 ] && echo "recipes: $prefix: $(echo "$listed" | wc -l) files in the bucket, as the site has them, with their types and caching"
  return "$problems"
}

status=0
for recipe in gitlab github; do
  dir=$work/$recipe
  mkdir -p "$dir" && cp -r content "$dir/content"
  # An offer whose full text is long enough (about 400 KB) for the bundle to keep its texts apart.
  long=$dir/content/offers/zz-long.md
  sed 's/^slug: .*/slug: offre-au-long-texte/' content/offers/0021-charge-mission-design.md > "$long"
  for _ in $(seq 60); do sed '1,/^---$/d' content/offers/0021-charge-mission-design.md >> "$long"; done
  echo "== deploy/ci: $recipe"
  (cd "$dir" && S3_TARGET=s3://offres/$recipe CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main \
    bash "$work/$recipe.sh") || { echo "recipes: $recipe failed" >&2; status=1; continue; }
  check "$dir" "$recipe" || status=1
done
# A content error stops a recipe before anything is uploaded, naming file and line.
dir=$work/broken && mkdir -p "$dir" && cp -r content "$dir/content"
printf -- '---\ntitle: Sans employeur ni famille\nfamily: inconnue\n---\nTexte.\n' > "$dir/content/offers/zz-broken.md"
if (cd "$dir" && S3_TARGET=s3://offres/broken CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main bash "$work/gitlab.sh" >"$work/broken.log" 2>&1); then
  echo "recipes: a content error did not stop the GitLab recipe" >&2; status=1
elif ! grep -q "zz-broken.md:" "$work/broken.log"; then
  echo "recipes: the error does not name its file:" >&2; cat "$work/broken.log" >&2; status=1
elif aws --endpoint-url "$S3_ENDPOINT" s3 ls "s3://offres/broken/" >/dev/null 2>&1; then
  echo "recipes: something was uploaded despite the error" >&2; status=1
else
  echo "recipes: a content error stops the recipe, named with its file ($(grep -m1 'zz-broken.md:' "$work/broken.log" | cut -c1-100)…), nothing uploaded"
fi
exit $status
