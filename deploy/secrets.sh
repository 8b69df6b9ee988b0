#!/usr/bin/env bash
# Generates the per-installation broker secrets for Alicia.
#
#   deploy/secrets.sh [DIR]                 create whatever is missing (default DIR: <repo>/.secrets)
#   deploy/secrets.sh --rotate USER [DIR]   new password for USER only, passwd file rebuilt
#
# DIR afterwards holds:
#   <user>.password        one random password per broker user (0600)
#   passwd                 mosquitto password file, hashes only (made with mosquitto_passwd)
#   ca.crt ca.key          the installation's private CA (EC P-256)
#   server.crt server.key  broker certificate, SAN localhost, 127.0.0.1, mosquitto
#   <user>.crt <user>.key  client certificate per user, CN=<user> (the 8883 listener uses it as username)
#
# Existing files are kept: running the script twice changes nothing.
#
# Mosquitto started as root drops privileges to the user "mosquitto" before it reads the
# password file (and again on every SIGHUP reload), so when this script runs as root the files
# the broker reads (passwd, server.key) and DIR itself get group ALICIA_BROKER_GROUP (default
# "mosquitto"; use 1883 for the eclipse-mosquitto container image) and mode 0640 / 0750.
# Everything else private stays 0600 and readable by the owner only.
set -euo pipefail

readonly USERS=(stt ai tts voice-router health-monitor discovery device-registry config-service dashboard cli bridge)
readonly CERT_DAYS=825
readonly CA_DAYS=3650

die() { echo "secrets.sh: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 [--rotate USER] [DIR]" >&2
    exit 2
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$script_dir")"

rotate_user=""
dir=""
while (($#)); do
    case "$1" in
        --rotate)
            (($# >= 2)) || usage
            rotate_user="$2"
            shift 2
            ;;
        -h|--help) usage ;;
        -*) echo "secrets.sh: unknown option $1" >&2; usage ;;
        *)
            [[ -z "$dir" ]] || usage
            dir="$1"
            shift
            ;;
    esac
done
dir="${dir:-$repo_root/.secrets}"

command -v openssl >/dev/null 2>&1 || die "openssl not found (Debian: apt-get install openssl)"
command -v mosquitto_passwd >/dev/null 2>&1 || die "mosquitto_passwd not found (Debian: apt-get install mosquitto)"

if [[ -n "$rotate_user" ]]; then
    known=false
    for user in "${USERS[@]}"; do [[ "$user" == "$rotate_user" ]] && known=true; done
    $known || die "unknown user '$rotate_user' (known: ${USERS[*]})"
fi

# Everything created from here on is private unless explicitly relaxed.
umask 077
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

broker_group=""
if [[ "$(id -u)" == 0 ]]; then
    wanted_group="${ALICIA_BROKER_GROUP:-mosquitto}"
    if getent group "$wanted_group" >/dev/null 2>&1 || [[ "$wanted_group" =~ ^[0-9]+$ ]]; then
        broker_group="$wanted_group"
    else
        echo "secrets.sh: warning: group '$wanted_group' does not exist; a broker started as root will not be able to read $dir/passwd" >&2
    fi
fi

# Writes stdin to FILE atomically (a reader never sees half a file, a rename keeps SIGHUP reloads safe).
write_atomically() {
    local file="$1" tmp
    tmp="$(mktemp "$file.XXXXXX")"
    cat >"$tmp"
    chmod 600 "$tmp"
    mv -f "$tmp" "$file"
}

new_password() {
    # 32 random bytes as hex: 256 bits, and nothing a shell, URL or config file would need to escape.
    openssl rand -hex 32
}

changed_users=()
for user in "${USERS[@]}"; do
    file="$dir/$user.password"
    if [[ ! -s "$file" || "$user" == "$rotate_user" ]]; then
        new_password | write_atomically "$file"
        changed_users+=("$user")
    fi
done

# passwd keeps the existing hash of every user whose password did not change; users with a new
# password (or no entry yet) get a fresh hash. mosquitto_passwd -U hashes a user:password file
# in place, which keeps passwords off every command line.
needs_new_hash() {
    local user="$1" changed
    for changed in "${changed_users[@]}"; do [[ "$changed" == "$user" ]] && return 0; done
    [[ -f "$dir/passwd" ]] && grep -q "^$user:" "$dir/passwd" && return 1
    return 0
}

stale_users=()
for user in "${USERS[@]}"; do
    needs_new_hash "$user" && stale_users+=("$user")
done

if ((${#stale_users[@]})); then
    plain="$(mktemp "$dir/passwd.XXXXXX")"
    trap 'rm -f "$plain"' EXIT
    for user in "${stale_users[@]}"; do
        printf '%s:%s\n' "$user" "$(cat "$dir/$user.password")"
    done >"$plain"
    mosquitto_passwd -U "$plain" || die "mosquitto_passwd -U failed"
    grep -q -v '^[^:]*:\$[67]\$' "$plain" && die "mosquitto_passwd left an unhashed line"
    merged="$(mktemp "$dir/passwd.XXXXXX")"
    trap 'rm -f "$plain" "$merged"' EXIT
    for user in "${USERS[@]}"; do
        if needs_new_hash "$user"; then
            grep "^$user:" "$plain"
        else
            grep "^$user:" "$dir/passwd"
        fi
    done >"$merged"
    rm -f "$plain"
    chmod 600 "$merged"
    [[ -z "$broker_group" ]] || { chgrp "$broker_group" "$merged"; chmod 640 "$merged"; }
    mv -f "$merged" "$dir/passwd"
    trap - EXIT
    [[ -z "$rotate_user" ]] || echo "secrets.sh: rotated $rotate_user; send SIGHUP to mosquitto to apply" >&2
fi

new_key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
    chmod 600 "$1"
}

# A new CA invalidates every certificate signed by the old one.
if [[ ! -s "$dir/ca.key" || ! -s "$dir/ca.crt" ]]; then
    new_key "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -sha256 -days "$CA_DAYS" \
        -subj "/O=Alicia/CN=Alicia installation CA" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$dir/ca.crt"
    chmod 644 "$dir/ca.crt"
    rm -f "$dir/server.crt" "$dir/server.key"
    for user in "${USERS[@]}"; do rm -f "$dir/$user.crt" "$dir/$user.key"; done
fi

# sign NAME SUBJECT EXTENSIONS: creates NAME.key and NAME.crt signed by the CA unless both exist.
sign() {
    local name="$1" subject="$2" extensions="$3" csr
    [[ -s "$dir/$name.key" && -s "$dir/$name.crt" ]] && return 0
    new_key "$dir/$name.key"
    csr="$(mktemp "$dir/$name.csr.XXXXXX")"
    openssl req -new -key "$dir/$name.key" -subj "$subject" -out "$csr"
    openssl x509 -req -in "$csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -days "$CERT_DAYS" -sha256 \
        -extfile <(printf '%s\n' "$extensions") -out "$dir/$name.crt" 2>/dev/null
    rm -f "$csr"
    chmod 644 "$dir/$name.crt"
}

sign server "/O=Alicia/CN=mosquitto" \
    "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:mosquitto"

for user in "${USERS[@]}"; do
    sign "$user" "/O=Alicia/CN=$user" \
        "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
done

if [[ -n "$broker_group" ]]; then
    chgrp "$broker_group" "$dir" "$dir/passwd" "$dir/server.key"
    chmod 750 "$dir"
    chmod 640 "$dir/passwd" "$dir/server.key"
else
    chmod 700 "$dir"
fi
