#!/usr/bin/env bash
# Ctrl-C during a command that writes a file stops it with exit status 130 and leaves no output,
# not even a temporary file. Deterministic: the input is a FIFO, fed in two halves with SIGINT
# sent in between, while the command is blocked reading it.
# Usage: interrupt.sh PARTNERQI DEMO_FILE WORK_DIR
set -euo pipefail
cli=$1
demo=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
size=$(stat -c %s "$demo")
half=$((size / 2))

interrupt() {  # interrupt NAME ARGS... (the input is $work/in.pqi, the output $work/out.pqi)
    local name=$1
    shift
    rm -f "$work/in.pqi" "$work/out.pqi"
    mkfifo "$work/in.pqi"
    "$cli" "$@" 2> "$work/stderr" &
    local pid=$!
    {
        # Opening the FIFO waits for the command to open it: its signal handler is in place.
        head -c "$half" "$demo"
        sleep 0.5
        kill -INT "$pid"
        sleep 0.2
        tail -c +"$((half + 1))" "$demo"
    } > "$work/in.pqi" &
    local writer=$!
    local status=0
    wait "$pid" || status=$?
    # A command that ended without opening its input leaves the writer waiting: stop it.
    kill "$writer" 2> /dev/null || true
    wait "$writer" 2> /dev/null || true
    if [[ $status -ne 130 ]]; then
        echo "FAIL $name: exit status $status, expected 130; stderr:"
        cat "$work/stderr"
        exit 1
    fi
    if ! grep -q '^interrupted: loading was cancelled' "$work/stderr"; then
        echo "FAIL $name: stderr does not say it was interrupted:"
        cat "$work/stderr"
        exit 1
    fi
    local left
    left=$(find "$work" -mindepth 1 ! -name in.pqi ! -name stderr ! -name salt | wc -l)
    if [[ $left -ne 0 ]]; then
        echo "FAIL $name: files were left behind:"
        ls -la "$work"
        exit 1
    fi
    echo "ok $name: exit 130, no output written"
}

printf 'a salt of the study team\n' > "$work/salt"
interrupt convert convert "$work/in.pqi" --to xml --out "$work/out.pqi"
interrupt deidentify deidentify "$work/in.pqi" --out "$work/out.pqi" --salt-file "$work/salt"
