#!/usr/bin/env python3
"""Allocation sites of a heaptrack recording, by the deepest frame in our src/ (issue 20r).

    heaptrack -o /tmp/ht build/budgetpress build -q -f pdf --force -o /tmp/out examples/2023/434.yaml
    bench/pdf/heaptrack_sites.py /tmp/ht.zst [N] [--lines]

Reads heaptrack's own file (zstd-compressed text: strings, instruction pointers with inlined
frames, traces, allocation infos, + and - events) and prints calls, bytes and temporary allocations
(an allocation freed by the very next event, heaptrack's definition) per src/<area> and for the N
largest sites, a site being the innermost frame whose file is under src/ (function, or file:line
with --lines). Library allocations (libyaml, hb-subset, libxlsxwriter) count for the call site in
src/ that reached them.
"""
import subprocess, sys, re, collections

path = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 40
by_line = '--lines' in sys.argv
strings = [""]
ips = [None]
traces = [None]
allocs = []
calls = collections.Counter()
bytes_ = collections.Counter()
temp = collections.Counter()
last_plus = None
p = subprocess.Popen(["zstdcat", path], stdout=subprocess.PIPE, text=True, errors="replace")
for line in p.stdout:
    c = line[:1]
    if c == 's':
        _, _, rest = line.rstrip('\n').split(' ', 2)
        strings.append(rest)
    elif c == 'i':
        f = line.split()
        frames = []
        t = f[3:]
        for k in range(0, len(t) - 2, 3):
            frames.append((int(t[k], 16), int(t[k + 1], 16), int(t[k + 2], 16)))
        ips.append(frames)
    elif c == 't':
        _, ip, parent = line.split()
        traces.append((int(ip, 16), int(parent, 16)))
    elif c == 'a':
        _, size, tr = line.split()
        allocs.append((int(size, 16), int(tr, 16)))
    elif c == '+':
        a = int(line[2:], 16)
        calls[a] += 1
        bytes_[a] += allocs[a][0]
        last_plus = a
    elif c == '-':
        a = int(line[2:], 16)
        if a == last_plus:
            temp[a] += 1
        last_plus = None
    else:
        if c in 'cR':
            pass
        else:
            last_plus = None

site_cache = {}


def site_of(tr):
    if tr in site_cache:
        return site_cache[tr]
    t = tr
    chain = []
    while t:
        ip, parent = traces[t]
        chain.append(ip)
        t = parent
    res = ("(no src frame)", "-")  # start-up: the loader, static initialisers
    for ip in chain:
        for fn, fl, ln in ips[ip] or []:
            file = strings[fl] if fl < len(strings) else ""
            if "/src/" in file and not file.startswith("/usr"):
                name = strings[fn]
                name = re.sub(r"\(.*$", "", name)
                rel = file[file.index("/src/") + 5:]
                area = rel.split('/')[0]
                res = ((f"{rel}:{ln} {name}" if by_line else f"{rel} {name}"), area)
                site_cache[tr] = res
                return res
    site_cache[tr] = res
    return res


S = collections.defaultdict(lambda: [0, 0, 0])
A = collections.defaultdict(lambda: [0, 0, 0])
for a, n in calls.items():
    s, area = site_of(allocs[a][1])
    for d in (S[s], A[area]):
        d[0] += n
        d[1] += bytes_[a]
        d[2] += temp[a]
tot = [sum(v[0] for v in A.values()), sum(v[1] for v in A.values()), sum(v[2] for v in A.values())]
print(f"total: {tot[0]} calls, {tot[1]/1e6:.1f} MB, {tot[2]} temporary")
print("by area (src/<dir>):")
for k, v in sorted(A.items(), key=lambda kv: -kv[1][0]):
    print(f"  {v[0]:8d} {v[1]/1e6:8.2f}MB {v[2]:7d}  {k}")
print("top sites:")
for k, v in sorted(S.items(), key=lambda kv: -kv[1][0])[:N]:
    print(f"  {v[0]:8d} {v[1]/1e6:8.2f}MB {v[2]:7d}  {k}")
