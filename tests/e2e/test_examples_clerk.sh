# The examples read like a clerk's file (issue 17): no transcription notes in their comments — no
# English prose, seed line numbers or schema-gap notes (those live in examples/NOTES.md) — and every
# example still checks clean.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
notes=$(grep -n " #\|^#" examples/*/*.yaml | grep -E "#.*([A-Za-z]{3,}|seed|SCHEMA|L[0-9]{2,}|Σ)" | head -5)
check '[ -z "$notes" ]' "transcription notes left in examples: $notes"
check '[ -s examples/NOTES.md ] && grep -q "SCHEMA-GAP" examples/NOTES.md' "examples/NOTES.md with the moved notes expected"
"$BP" check --strict -q examples/2021 examples/2025 examples/2023/434.yaml examples/2023/633.yaml >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "examples without review warnings: rc=$rc $(head -3 "$TMP/err")"
"$BP" check -q examples >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "examples: rc=$rc $(head -3 "$TMP/err")"
finish
