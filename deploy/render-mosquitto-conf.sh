#!/usr/bin/env bash
# Renders a local copy of mosquitto/mosquitto.conf (the docker-compose configuration) for
# ./alicia up and the integration tests. Only ports, bind addresses and file paths change; every
# other setting is taken from the real file, so local runs and tests exercise the real limits.
#
#   deploy/render-mosquitto-conf.sh --out FILE --port P --tls-port P --ws-port P \
#       --secrets DIR --data DIR [--acl FILE] [--bind ADDRESS] [--ws-tls]
#
#   --secrets DIR   made by deploy/secrets.sh (passwd, ca.crt, server.crt, server.key)
#   --data DIR      persistence directory (created; given to the mosquitto user when run as root)
#   --acl FILE      default: <repo>/mosquitto/acl
#   --bind ADDRESS  default: 127.0.0.1 (all three listeners)
#   --ws-tls        keep TLS on the websockets listener; without it websockets are plain, which is
#                   only sensible on a loopback bind address
set -euo pipefail

die() { echo "render-mosquitto-conf.sh: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 --out FILE --port P --tls-port P --ws-port P --secrets DIR --data DIR [--acl FILE] [--bind ADDRESS] [--ws-tls]" >&2
    exit 2
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$script_dir")"
source_conf="$repo_root/mosquitto/mosquitto.conf"

out="" port="" tls_port="" ws_port="" secrets="" data="" acl="$repo_root/mosquitto/acl" bind="127.0.0.1" ws_tls=false
while (($#)); do
    case "$1" in
        --out|--port|--tls-port|--ws-port|--secrets|--data|--acl|--bind)
            (($# >= 2)) || usage
            case "$1" in
                --out) out="$2" ;;
                --port) port="$2" ;;
                --tls-port) tls_port="$2" ;;
                --ws-port) ws_port="$2" ;;
                --secrets) secrets="$2" ;;
                --data) data="$2" ;;
                --acl) acl="$2" ;;
                --bind) bind="$2" ;;
            esac
            shift 2
            ;;
        --ws-tls) ws_tls=true; shift ;;
        -h|--help) usage ;;
        *) echo "render-mosquitto-conf.sh: unknown argument $1" >&2; usage ;;
    esac
done

[[ -n "$out" && -n "$port" && -n "$tls_port" && -n "$ws_port" && -n "$secrets" && -n "$data" ]] || usage
for p in "$port" "$tls_port" "$ws_port"; do
    [[ "$p" =~ ^[0-9]+$ ]] && ((p > 0 && p < 65536)) || die "not a port number: $p"
done
[[ -f "$source_conf" ]] || die "missing $source_conf"
[[ -d "$secrets" ]] || die "secrets directory $secrets does not exist (run deploy/secrets.sh $secrets)"
for f in passwd ca.crt server.crt server.key; do
    [[ -s "$secrets/$f" ]] || die "missing $secrets/$f (run deploy/secrets.sh $secrets)"
done
[[ -f "$acl" ]] || die "missing ACL file $acl"

mkdir -p "$data" "$(dirname "$out")"
secrets="$(cd "$secrets" && pwd)"
data="$(cd "$data" && pwd)"
acl="$(cd "$(dirname "$acl")" && pwd)/$(basename "$acl")"
for path in "$secrets" "$data" "$acl"; do
    [[ "$path" != *[[:space:]]* ]] || die "mosquitto.conf paths cannot contain whitespace: $path"
done

if ! $ws_tls && [[ "$bind" != 127.* && "$bind" != "::1" && "$bind" != "localhost" ]]; then
    echo "render-mosquitto-conf.sh: warning: plain websockets on $bind; pass --ws-tls outside loopback" >&2
fi

tmp="$(mktemp "$out.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
awk -v port="$port" -v tls_port="$tls_port" -v ws_port="$ws_port" -v bind="$bind" \
    -v secrets="$secrets/" -v data="$data/" -v acl="$acl" -v ws_tls="$ws_tls" \
    -v source="$source_conf" '
    function replace_prefix(line, from, to,    at) {
        at = index(line, from)
        return at ? substr(line, 1, at - 1) to substr(line, at + length(from)) : line
    }
    BEGIN {
        print "# Rendered from " source " by deploy/render-mosquitto-conf.sh: do not edit, re-render."
        listeners = 0
    }
    $1 == "listener" {
        if ($2 == "1883") { section = "mqtt"; print "listener " port " " bind }
        else if ($2 == "8883") { section = "tls"; print "listener " tls_port " " bind }
        else if ($2 == "9001") {
            section = "ws"; print "listener " ws_port " " bind
            if (ws_tls != "true") print "# TLS removed for this loopback-only copy (render without --ws-tls)."
        }
        else { print "unexpected listener in " source ": " $0 > "/dev/stderr"; failed = 1; exit 3 }
        listeners++
        next
    }
    section == "ws" && ws_tls != "true" && ($1 == "certfile" || $1 == "keyfile" || $1 == "cafile" || $1 == "tls_version") { next }
    {
        line = replace_prefix($0, "/mosquitto/secrets/", secrets)
        line = replace_prefix(line, "/mosquitto/config/acl", acl)
        line = replace_prefix(line, "/mosquitto/data/", data)
        if (line == $0 && $0 !~ /^[[:space:]]*#/ && index($0, "/mosquitto/")) {
            print "path not rewritten in " source ": " $0 > "/dev/stderr"; failed = 1; exit 3
        }
        print line
    }
    END { if (!failed && listeners != 3) { print "expected 3 listeners in " source ", found " listeners > "/dev/stderr"; exit 3 } }
' "$source_conf" >"$tmp" || die "could not render $source_conf"
chmod 644 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT

# Mosquitto started as root drops to the mosquitto user before it opens the password file, the
# ACL and the persistence database: check those now so the failure is clear instead of a
# broker that exits at start-up.
if [[ "$(id -u)" == 0 ]] && id mosquitto >/dev/null 2>&1; then
    chown mosquitto "$data"
    if command -v runuser >/dev/null 2>&1; then
        for f in "$secrets/passwd" "$secrets/server.key" "$acl"; do
            runuser -u mosquitto -- test -r "$f" ||
                die "$f is not readable by the mosquitto user (root-started mosquitto drops privileges to it); run deploy/secrets.sh as root or give the mosquitto group read access to it and its directories"
        done
    fi
fi
