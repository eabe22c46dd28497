#!/usr/bin/env bash
# Starts three Snowstage nodes on one machine against PostgreSQL and Redis, plus nginx in front.
#   bash deploy/cluster.sh            start (logs in /tmp/snowstage-node*.log)
#   bash deploy/cluster.sh stop       stop everything it started
# Settings (env): DATABASE_URL (default postgres://postgres@127.0.0.1:5432/snowstage),
# REDIS_URL (default redis://127.0.0.1:6379), SECRET / OPERATOR_TOKEN / MODERATOR_TOKEN (shared by
# every node; generated into data/cluster-secrets.env on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
PIDS=/tmp/snowstage-cluster.pids

if [ "${1:-}" = stop ]; then
  [ -f "$PIDS" ] && xargs -r kill < "$PIDS" || true
  rm -f "$PIDS"
  [ -f /tmp/snowstage-nginx.pid ] && nginx -p "$PWD/deploy" -c nginx.conf -s stop || true
  exit 0
fi

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/snowstage}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
mkdir -p data
if [ ! -f data/cluster-secrets.env ]; then
  gen() { node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))'; }
  printf 'SECRET=%s\nOPERATOR_TOKEN=%s\nMODERATOR_TOKEN=%s\n' "$(gen)" "$(gen)" "$(gen)" > data/cluster-secrets.env
  chmod 600 data/cluster-secrets.env
fi
set -a; . data/cluster-secrets.env; set +a

# The database must exist (the nodes create their tables).
psql "${DATABASE_URL%/*}/postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '${DATABASE_URL##*/}'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE ${DATABASE_URL##*/}"

npm run build:web >/tmp/snowstage-build.log 2>&1 || { cat /tmp/snowstage-build.log; exit 1; }
: > "$PIDS"
for i in 1 2 3; do
  # One data folder for all: files (speech audio, uploads, print files, avatars) are served by every node.
  PORT=808$i NODE_ID=node$i DATA_DIR=data/cluster node --import tsx packages/server/src/main.ts > /tmp/snowstage-node$i.log 2>&1 &
  echo $! >> "$PIDS"
done
for i in 1 2 3; do
  until grep -q 'Snowstage is live' /tmp/snowstage-node$i.log 2>/dev/null; do sleep 0.5; done
done
nginx -p "$PWD/deploy" -c nginx.conf
echo "Snowstage cluster: http://127.0.0.1:8080/ (nodes on 8081-8083), operator token $OPERATOR_TOKEN"
