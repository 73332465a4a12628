#!/bin/sh
# Runs K3s's real install.sh through `help join-cluster` in a throwaway mount and network
# namespace, and prints the systemd unit and env file it writes beside help's config.yaml, so
# they can be compared with the plan. Nothing on the machine changes: /usr/local/bin and
# /etc/systemd/system are tmpfs mounts inside the namespace, install.sh gets
# INSTALL_K3S_SKIP_DOWNLOAD=true and a stand-in k3s binary, and systemctl and tailscale are
# fakes that record their argv. Needs root and unshare(1); install.sh is not part of this
# repository (curl -fsSLo install.sh https://get.k3s.io).
#
#   Tests/Sandbox/k3s-install.sh INSTALL_SH HELP_BINARY [join-cluster options…]
#   Tests/Sandbox/k3s-install.sh ./install.sh .build/debug/help --role server --cluster-init
#   K3S_TOKEN=… Tests/Sandbox/k3s-install.sh ./install.sh .build/debug/help --role agent --server https://100.64.0.1:6443
set -eu
if [ "${HELP_SANDBOX_INSIDE:-}" != 1 ]; then
  [ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 64; }
  [ "$(id -u)" = 0 ] || { echo "error: needs root (for unshare --mount --net)" >&2; exit 69; }
  script="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  help_bin="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  shift 2
  work="$(mktemp -d /tmp/help-k3s-sandbox-XXXXXX)"
  HELP_SANDBOX_INSIDE=1 HELP_SANDBOX_WORK="$work" HELP_SANDBOX_SCRIPT="$script" HELP_SANDBOX_HELP="$help_bin" \
    exec unshare --mount --net --propagation private "$0" "$@"
fi

S="$HELP_SANDBOX_WORK"
trap 'kill "$http" "$listener" 2>/dev/null || true; rm -rf "$S"' EXIT
ip link set lo up
mount -t tmpfs tmpfs /usr/local/bin
mkdir -p /etc/systemd/system && mount -t tmpfs tmpfs /etc/systemd/system
mkdir -p "$S/root/sys/class/net/tailscale0" "$S/root/proc" "$S/root/sys/devices/system/cpu" "$S/root/run" \
  "$S/root/bin" "$S/home" "$S/fake" "$S/www/mirror"
echo "MemTotal:       16777216 kB" >"$S/root/proc/meminfo"
echo 0-7 >"$S/root/sys/devices/system/cpu/online"
: >"$S/root/bin/systemctl" && chmod +x "$S/root/bin/systemctl"

cat >"$S/fake/tailscale" <<EOF
#!/bin/sh
echo "tailscale \$*" >>"$S/argv"
case "\$1" in
  status) echo '{"BackendState": "Running", "TUN": true, "Self": {"TailscaleIPs": ["100.64.0.7"], "DNSName": "box.team.ts.net."}}';;
  ip) echo 100.64.0.7;;
esac
EOF
cat >"$S/fake/systemctl" <<EOF
#!/bin/sh
echo "systemctl \$*" >>"$S/argv"
case "\$1" in
  is-active) [ -f "$S/started-\$2" ] && exit 0; exit 3;;
  restart) touch "$S/started-\$2";;
esac
EOF
cat >/usr/local/bin/k3s <<EOF
#!/bin/sh
echo "k3s \$*" >>"$S/argv"
EOF
chmod +x "$S/fake/tailscale" "$S/fake/systemctl" /usr/local/bin/k3s
cp "$HELP_SANDBOX_SCRIPT" "$S/www/mirror/get.k3s.io"

# The mirror install.sh is fetched from, and a server port for agents' reachability check.
python3 -m http.server --bind 127.0.0.1 --directory "$S/www" 18471 >/dev/null 2>&1 &
http=$!
ip addr add 100.64.0.1/32 dev lo
python3 -c 'import socket, time; s = socket.socket(); s.bind(("100.64.0.1", 6443)); s.listen(); time.sleep(600)' &
listener=$!
sleep 1

status=0
env -i PATH="$S/fake:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$S/home" TMPDIR="$S/home" \
  XDG_STATE_HOME="$S/home/.state" XDG_CACHE_HOME="$S/home/.cache" HELP_SYSTEM_ROOT="$S/root" \
  INSTALL_K3S_SKIP_DOWNLOAD=true ${K3S_TOKEN:+K3S_TOKEN="$K3S_TOKEN"} \
  "$HELP_SANDBOX_HELP" join-cluster --mirror http://127.0.0.1:18471/mirror "$@" || status=$?

echo "=== config.yaml written by help"
cat "$S/root/etc/rancher/k3s/config.yaml" 2>/dev/null || echo "(none)"
for file in /etc/systemd/system/*; do
  [ -f "$file" ] || continue
  echo "=== $file ($(stat -c %a "$file"), written by install.sh)"
  if [ -n "${K3S_TOKEN:-}" ]; then sed "s|$K3S_TOKEN|***|g" "$file"; else cat "$file"; fi
done
echo "=== argv of systemctl, tailscale and k3s"
cat "$S/argv" 2>/dev/null || true
if [ -n "${K3S_TOKEN:-}" ] && grep -rqF "$K3S_TOKEN" "$S/home" "$S/root" "$S/argv" 2>/dev/null; then
  echo "error: the token appears in help's state, output or argv" >&2
  status=1
fi
exit "$status"
