#!/usr/bin/env bash
# Times two builds of taizhang side by side: rounds alternate the two, each
# on its own copy of one register (a build keeps its own cache), so that
# the machine's drift falls on both alike.
#
#   benches/compare.sh OLD NEW REGISTER [--after-writes] 'COMMAND ARGS' ...
#
# OLD and NEW are taizhang binaries; REGISTER a register to copy (e.g. one
# made by `cargo run --release --example gen_register -- --records 100000
# DIR`). Each command runs twice per build to warm up, then N rounds
# (default 7). With --after-writes, before each round both copies get the
# same three committed writes (`log in`, `assign`, `progress` on the first
# open follow-up) and 3.2 s to leave the cache's racy window: what a
# command costs right after the office worked. Prints, per command and
# build, the median wall time (min–max), the median CPU (user + sys) and
# the peak RSS. The copies are removed at the end.
set -euo pipefail

old=$(realpath "$1") new=$(realpath "$2") register=$3
shift 3
for binary in "$old" "$new"; do
    [[ -x $binary ]] || { echo "not a program: $binary" >&2; exit 1; }
done
after_writes=false
if [[ ${1:-} == --after-writes ]]; then
    after_writes=true
    shift
fi
rounds=${N:-7}
export TZ=${TZ:-Asia/Shanghai} TAIZHANG_TODAY=${TAIZHANG_TODAY:-2026-11-23}
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in old new; do
    cp -a "$register" "$work/$side"
    git -C "$work/$side" update-index -q --refresh || true
done
binary() { if [[ $1 == old ]]; then echo "$old"; else echo "$new"; fi; }

# One timed run: "wall cpu rss_kb" appended to $work/<side>.times.
timed() {
    local side=$1
    shift
    (cd "$work/$side" && /usr/bin/time -o "$work/t" -f "%e %U %S %M" \
        "$(binary "$side")" "$@" >/dev/null 2>&1 || true)
    awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4 / 1024}' "$work/t" >>"$work/$side.times"
}

writes() {
    local side=$1 round=$2 bin
    bin=$(binary "$side")
    (
        cd "$work/$side"
        local fu
        fu=$("$bin" list fu --status open -o json | grep -o '"FU-[^"]*"' | head -1 | tr -d '"')
        "$bin" log in --title "来文$round" --from 省厅 >/dev/null
        "$bin" assign "落实$round" --lead 办公室 --due +2w >/dev/null
        "$bin" progress "$fu" "推进$round" >/dev/null
    )
}

median() { sort -n | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'; }

for command in "$@"; do
    read -r -a args <<<"$command"
    for side in old new; do
        : >"$work/$side.times"
        for _ in 1 2; do timed "$side" "${args[@]}"; done
        : >"$work/$side.times"
    done
    for round in $(seq "$rounds"); do
        if $after_writes; then
            writes old "$round"
            writes new "$round"
            sleep 3.2
        fi
        timed old "${args[@]}"
        timed new "${args[@]}"
    done
    for side in old new; do
        times=$work/$side.times
        printf '%-28s %s: %s s (%s–%s), CPU %s s, %s MB\n' "$command" "$side" \
            "$(cut -d' ' -f1 "$times" | median)" \
            "$(cut -d' ' -f1 "$times" | sort -n | head -1)" \
            "$(cut -d' ' -f1 "$times" | sort -n | tail -1)" \
            "$(cut -d' ' -f2 "$times" | median)" \
            "$(cut -d' ' -f3 "$times" | sort -n | tail -1)"
    done
done
