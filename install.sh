#!/bin/sh
# install.sh: installs a release of `help` for this machine, without root and without a Swift
# toolchain: downloads the tarball for this OS and architecture and SHA256SUMS from a base URL,
# checks the SHA-256 before unpacking anything, and puts bin/help and share/help/Templates under
# ~/.local (or --prefix DIR). Running it again with the same release changes nothing.
#
#   sh install.sh [--prefix DIR] [--version X.Y.Z] [--shell-setup]
#
# HELP_INSTALL_BASE   where the releases are (a mirror or a local folder served over HTTP);
#                     it holds SHA256SUMS, the tarballs named in it, and optionally `latest`
# HELP_INSTALL_VERSION the version to install (else the one in BASE/latest, else the highest
#                     in SHA256SUMS for this platform)
#
# Exit codes: 0 installed or already installed, 64 usage, 65 checksum mismatch or a bad
# release, 69 unsupported platform or a missing tool, 74 cannot write the prefix, 75 download
# failed.
set -u

default_base=https://github.com/help-tool/help/releases/latest/download
base=${HELP_INSTALL_BASE:-$default_base}
base=${base%/}
version=${HELP_INSTALL_VERSION:-}
prefix=${HOME:?HOME is not set}/.local
shell_setup=no

fail() { # code message hint
    echo "error: $2" >&2
    [ -n "${3:-}" ] && echo "hint: $3" >&2
    exit "$1"
}
say() { echo "$*" >&2; }

while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || fail 64 "--prefix needs a folder"; prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        --version) [ $# -ge 2 ] || fail 64 "--version needs a version"; version=$2; shift ;;
        --version=*) version=${1#--version=} ;;
        --shell-setup) shell_setup=yes ;;
        -h | --help)
            sed -n '2,17s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *) fail 64 "unknown option '$1'" "Run 'sh install.sh --help' for the options." ;;
    esac
    shift
done
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

# MARK: - Platform and tools

case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    *) fail 69 "unsupported platform: $(uname -s) $(uname -m)" "Releases exist for Linux and macOS; build from source there." ;;
esac
arch=$(uname -m)
case $arch in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) [ "$os" = linux ] && arch=aarch64 || arch=arm64 ;;
    *) fail 69 "unsupported platform: $os $arch" "Releases exist for x86_64 and aarch64/arm64; build from source there." ;;
esac
for tool in curl tar; do
    command -v "$tool" >/dev/null 2>&1 || fail 69 "$tool not found on PATH" "Install $tool, then run install.sh again."
done
if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
else
    fail 69 "neither sha256sum nor shasum found" "Install coreutils (or perl's shasum), then run install.sh again."
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/help-install.XXXXXX") || fail 74 "cannot create a temporary folder"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fetch() { # url file: fails quietly, the caller says what was missing
    curl -fsSL --retry 3 --connect-timeout 20 -o "$2" "$1" 2>"$work/curl.err"
}

# MARK: - Which release

fetch "$base/SHA256SUMS" "$work/SHA256SUMS" ||
    fail 75 "cannot download $base/SHA256SUMS ($(tail -n 1 "$work/curl.err"))" \
        "Check the network, or point HELP_INSTALL_BASE at a mirror."
if [ -z "$version" ] && fetch "$base/latest" "$work/latest"; then
    version=$(sed -n '1{s/[[:space:]]//g;p;}' "$work/latest")
fi
# Lines are "<sha256>  [*]<path>"; the file is matched by its name, the path is kept for the URL.
listing=$(awk -v os="$os" -v arch="$arch" -v want="$version" '
    function numeric(v,   parts, n, i, key) {
        n = split(v, parts, /[.-]/); key = ""
        for (i = 1; i <= 3; i++) key = key sprintf("%09d", (i <= n && parts[i] ~ /^[0-9]+$/) ? parts[i] : 0)
        return key (n > 3 ? "0" : "1")
    }
    {
        path = $2; sub(/^\*/, "", path); name = path; sub(/.*\//, "", name)
        suffix = "-" os "-" arch ".tar.gz"
        if (substr(name, 1, 5) != "help-" || substr(name, length(name) - length(suffix) + 1) != suffix) next
        v = substr(name, 6, length(name) - 5 - length(suffix))
        if (want != "" && v != want) next
        if (best == "" || numeric(v) > numeric(best)) { best = v; line = $1 " " path " " v }
    }
    END { if (line != "") print line }' "$work/SHA256SUMS")
if [ -z "$listing" ]; then
    fail 69 "no help ${version:-release} for $os $arch in $base/SHA256SUMS" \
        "Releases are listed there by name (help-VERSION-$os-$arch.tar.gz); build from source otherwise."
fi
expected=${listing%% *}
rest=${listing#* }
path=${rest%% *}
version=${rest#* }
name=${path##*/}

# MARK: - Download, verify, unpack

say "downloading $name"
fetch "$base/$path" "$work/$name" ||
    fail 75 "cannot download $base/$path ($(tail -n 1 "$work/curl.err"))" "Check the network, then run install.sh again."
actual=$(sha256 "$work/$name")
if [ "$actual" != "$expected" ]; then
    fail 65 "checksum mismatch for $name: SHA256SUMS says $expected, the download is $actual" \
        "Nothing was installed. The download or the mirror is corrupt; try again or use another HELP_INSTALL_BASE."
fi
mkdir "$work/unpacked" || fail 74 "cannot write $work"
tar -xzf "$work/$name" -C "$work/unpacked" || fail 65 "$name does not unpack" "Nothing was installed."
new_bin=$work/unpacked/bin/help
if [ ! -f "$new_bin" ] || [ ! -x "$new_bin" ]; then
    fail 65 "$name holds no bin/help" "Nothing was installed."
fi
"$new_bin" --version >/dev/null 2>&1 ||
    fail 65 "the help in $name does not run on this machine" "Nothing was installed."

# MARK: - Install

bin_dir=$prefix/bin
share_dir=$prefix/share/help
stamp=$share_dir/.installed
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$expected $name" ] && cmp -s "$new_bin" "$bin_dir/help"; then
    say "help $version is already installed in $bin_dir; nothing changed"
else
    if ! mkdir -p "$bin_dir" "$share_dir" 2>/dev/null || [ ! -w "$bin_dir" ] || [ ! -w "$share_dir" ]; then
        fail 74 "cannot write to $prefix" "Choose a folder you own with --prefix DIR (no root needed)."
    fi
    # Each part lands with one rename, so a running help or a crash never sees half a file.
    if ! { cp "$new_bin" "$bin_dir/.help.new.$$" && chmod 755 "$bin_dir/.help.new.$$"; }; then
        fail 74 "cannot write $bin_dir/help"
    fi
    mv -f "$bin_dir/.help.new.$$" "$bin_dir/help" || fail 74 "cannot write $bin_dir/help"
    if [ -d "$work/unpacked/share/help/Templates" ]; then
        rm -rf "$share_dir/.Templates.new" "$share_dir/.Templates.old"
        cp -R "$work/unpacked/share/help/Templates" "$share_dir/.Templates.new" || fail 74 "cannot write $share_dir"
        [ -d "$share_dir/Templates" ] && mv "$share_dir/Templates" "$share_dir/.Templates.old"
        mv "$share_dir/.Templates.new" "$share_dir/Templates" || fail 74 "cannot write $share_dir/Templates"
        rm -rf "$share_dir/.Templates.old"
    fi
    printf '%s %s\n' "$expected" "$name" >"$stamp.new" && mv -f "$stamp.new" "$stamp"
    say "installed help $version: $bin_dir/help"
fi

# MARK: - Reaching it from a shell

# bash's builtin `help` is found before any file on PATH, and so is fish's `help` function;
# zsh has neither and needs nothing.
bash_line='enable -n help'
fish_line='functions --erase help'
path_line="export PATH=\"$bin_dir:\$PATH\""
fish_path_line="fish_add_path -g $bin_dir"
case ":${PATH:-}:" in *":$bin_dir:"*) on_path=yes ;; *) on_path=no ;; esac

append_once() { # file line...: appends the lines missing from file, after a backup
    file=$1
    shift
    missing=
    for line in "$@"; do
        grep -qxF "$line" "$file" 2>/dev/null || missing="$missing$line
"
    done
    [ -n "$missing" ] || return 0
    mkdir -p "$(dirname "$file")" || return 1
    backup=
    if [ -f "$file" ]; then
        cp -p "$file" "$file.help-backup" || return 1
        backup=" (the old one is in $file.help-backup)"
    fi
    printf '\n# added by the help installer (install.sh)\n%s' "$missing" >>"$file" || return 1
    say "added to $file$backup: $(printf '%s' "$missing" | tr '\n' ';')"
}

if [ "$shell_setup" = yes ]; then
    if [ "$on_path" = yes ]; then
        append_once "$HOME/.bashrc" "$bash_line" || fail 74 "cannot write $HOME/.bashrc"
    else
        append_once "$HOME/.bashrc" "$path_line" "$bash_line" || fail 74 "cannot write $HOME/.bashrc"
    fi
    if command -v fish >/dev/null 2>&1 || [ -d "$HOME/.config/fish" ]; then
        if [ "$on_path" = yes ]; then
            append_once "$HOME/.config/fish/config.fish" "$fish_line" || fail 74 "cannot write fish's config.fish"
        else
            append_once "$HOME/.config/fish/config.fish" "$fish_path_line" "$fish_line" ||
                fail 74 "cannot write fish's config.fish"
        fi
    fi
else
    [ "$on_path" = yes ] || say "add $bin_dir to PATH: $path_line"
    say "bash: its builtin 'help' hides this one; add to ~/.bashrc: $bash_line"
    say "fish: its 'help' function hides this one; add to ~/.config/fish/config.fish: $fish_line"
    say "zsh: nothing to do. Or run install.sh --shell-setup to add these lines once, with a backup."
fi
