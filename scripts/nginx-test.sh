#!/usr/bin/env bash
# Serves dist/ (or $SITE) with Debian's nginx and deploy/nginx/offres.conf, for the end-to-end
# tests: at the root on 127.0.0.1:$1 and under /emplois/ on 127.0.0.1:$2. Runs in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_PORT=${1:-4175} SUB_PORT=${2:-4176}
SITE=$(realpath "${SITE:-dist}")
work=$(mktemp -d /tmp/offres-nginx.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/www" "$work/logs"
ln -s "$SITE" "$work/www/emplois"
cp deploy/nginx/offres.conf deploy/nginx/security-headers.conf "$work/"
cat > "$work/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $work/tmp;
    server {
        listen 127.0.0.1:$ROOT_PORT;
        root $SITE;
        include $work/offres.conf;
    }
    server {
        listen 127.0.0.1:$SUB_PORT;
        root $work/www;
        disable_symlinks off;
        include $work/offres.conf;
    }
}
CONF
sed -i "s#include security-headers.conf;#include $work/security-headers.conf;#" "$work/offres.conf"
exec nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;'
