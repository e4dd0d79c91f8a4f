#!/usr/bin/env python3
"""Validate corpus/evaluation/clauses.jsonl (or the held-out set) and print counts.

    python3 corpus/evaluation/validate.py            # validate + summary
    python3 corpus/evaluation/validate.py --markdown # also print the per-category table used in README.md
    python3 corpus/evaluation/validate.py --naive    # also score a naive keyword matcher (a floor, not a target)
    python3 corpus/evaluation/validate.py --holdout  # the same for holdout.jsonl (ids ho-fc-0001 …), plus a check
                                                     # that no held-out text copies a development-set text

Checks: one JSON object per line; required fields and allowed values; unique ids whose prefix matches the step;
no duplicate texts; every problem clause has a note; and every citation of the form 《法名》第X条第（Y）项 / 法名第X条 in a
note, for a law whose text is in ../shared/laws/, names an article (and item) that exists there.
Exits non-zero on any error.
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / 'clauses.jsonl'
HOLDOUT = HERE / 'holdout.jsonl'
LAWS = HERE.parents[2] / 'shared' / 'laws'   # worktree/../shared/laws
STEPS = {'fair-competition': 'fc', 'gender-equality': 'ge', 'health': 'hl', 'legality': 'lg', 'drafting': 'df'}
REQUIRED = ('id', 'step', 'category', 'label', 'text', 'source')
ALLOWED = set(REQUIRED) | {'note'}
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
# A deliberately naive matcher: a clause is flagged for its step if any of these strings occurs in it.
# It shows how hard the clean look-alikes are; the review engine must do far better on them.
NAIVE = {
    'fair-competition': ['指定', '本地', '本县', '本市', '本区', '外地', '分支机构', '纳税', '税收', '奖励', '补贴', '补助',
                         '特许经营', '价格', '收费', '迁出', '审批', '准入', '保证金', '优先', '限定', '统一'],
    'gender-equality': ['男性', '女性', '妇女', '女职工', '婚', '育', '孕', '妊娠', '户主', '出嫁', '离婚', '丧偶', '他'],
    'health': ['烟', '酒', '食品', '药', '饮用水', '健康', '公园', '污染', '扬尘', '烧烤'],
    'legality': ['罚款', '处罚', '没收', '吊销', '拘留', '许可', '审批', '查封', '扣押', '冻结', '收费', '证明', '亲属',
                 '落户', '户籍', '开除', '停水', '停电', '供水', '供电', '合同法', '物权法', '担保法', '婚姻法', '继承法',
                 '民法通则', '民法总则', '施行前', '科', '大队'],
    'drafting': ['[', '【', '（20', '(20', '﹝', '第', '〔0', '〔1', '施行', '有效期', '附件'],
}
CN_DIGITS = {'零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}


def cn_to_int(s):
    """Chinese numerals up to 999 (第一百零四条 → 104)."""
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch == '十':
            total += (cur or 1) * 10
            cur = 0
        elif ch == '百':
            total += cur * 100
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


def load_laws():
    """law short name → {article number → article text (with items)}."""
    laws = {}
    if not LAWS.is_dir():
        return laws
    for f in LAWS.glob('*.md'):
        name = re.sub(r'\(.*\)$', '', f.stem)
        arts, cur = {}, None
        for line in f.read_text(encoding='utf-8').splitlines():
            m = re.match(r'^第([零一二三四五六七八九十百]+)条', line)
            if m:
                cur = cn_to_int(m.group(1))
                arts[cur] = line
            elif cur is not None and line.strip() and not line.startswith('#'):
                arts[cur] += '\n' + line
        laws[name] = arts
    return laws


def check_citations(note, laws, where, errors):
    for law, arts in laws.items():
        pat = re.compile(r'(?:《中华人民共和国|《)?' + re.escape(law.replace('中华人民共和国', '')) +
                         r'》?第([零一二三四五六七八九十百]+)条(?:第[（(]([一二三四五六七八九十]+)[）)]项)?')
        for m in pat.finditer(note):
            art = cn_to_int(m.group(1))
            if art not in arts:
                errors.append(f'{where}: {law} has no 第{m.group(1)}条')
            elif m.group(2) and f'（{m.group(2)}）' not in arts[art]:
                errors.append(f'{where}: {law} 第{m.group(1)}条 has no item （{m.group(2)}）')


def grams(text, n=10):
    t = re.sub(r'\s+', '', text)
    return {t[i:i + n] for i in range(max(len(t) - n + 1, 1))}


def check_overlap(rows, errors):
    """Held-out texts must not copy development-set texts. Reports held-out ids only (never development text), so
    running this does not show the author of the held-out set anything from the development set."""
    if not DATA.is_file():
        return
    dev = [json.loads(line)['text'] for line in DATA.read_text(encoding='utf-8').splitlines() if line.strip()]
    dev_keys = {re.sub(r'\s+', '', t) for t in dev}
    dev_grams = set().union(*(grams(t) for t in dev))
    for r in rows:
        if re.sub(r'\s+', '', r['text']) in dev_keys:
            errors.append(f"{r['id']}: identical to a development-set text")
            continue
        g = grams(r['text'])
        shared = len(g & dev_grams) / len(g)
        if shared >= 0.5:
            errors.append(f"{r['id']}: {shared:.0%} of its 10-character runs also occur in the development set")


def main():
    errors, rows, ids, texts = [], [], set(), {}
    laws = load_laws()
    holdout = '--holdout' in sys.argv
    data = HOLDOUT if holdout else DATA
    for n, line in enumerate(data.read_text(encoding='utf-8').splitlines(), 1):
        where = f'{data.name}:{n}'
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f'{where}: not JSON ({e})')
            continue
        missing = [k for k in REQUIRED if not str(r.get(k, '')).strip()]
        extra = set(r) - ALLOWED
        if missing:
            errors.append(f'{where}: missing {missing}')
            continue
        if extra:
            errors.append(f'{where}: unknown fields {sorted(extra)}')
        where = f"{where} ({r['id']})"
        if r['step'] not in STEPS:
            errors.append(f"{where}: bad step {r['step']}")
        elif not re.fullmatch(('ho-' if holdout else '') + STEPS[r['step']] + r'-\d{4}', r['id']):
            errors.append(f"{where}: id prefix does not match step")
        if r['label'] not in ('problem', 'clean'):
            errors.append(f"{where}: bad label {r['label']}")
        if not SLUG.match(r['category']):
            errors.append(f"{where}: category is not a slug")
        if r['id'] in ids:
            errors.append(f'{where}: duplicate id')
        ids.add(r['id'])
        key = re.sub(r'\s+', '', r['text'])
        if key in texts:
            errors.append(f'{where}: duplicate text of {texts[key]}')
        texts[key] = r['id']
        if r['label'] == 'problem' and not r.get('note', '').strip():
            errors.append(f'{where}: problem clause without note/basis')
        check_citations(r.get('note', ''), laws, where, errors)
        rows.append(r)

    if holdout:
        check_overlap(rows, errors)
    by_step = collections.Counter((r['step'], r['label']) for r in rows)
    by_cat = collections.Counter((r['step'], r['category'], r['label']) for r in rows)
    print(f'{len(rows)} clauses, {sum(r["label"] == "problem" for r in rows)} problem, '
          f'{sum(r["label"] == "clean" for r in rows)} clean'
          + ('' if laws else '  (statute texts not found: citations not checked)'))
    for step in STEPS:
        print(f'  {step:17} problem {by_step[(step, "problem")]:4}  clean {by_step[(step, "clean")]:4}')
    if '--markdown' in sys.argv:
        print('\n| step | category | problem | clean |\n|---|---|---:|---:|')
        cats = sorted({(s, c) for s, c, _ in by_cat}, key=lambda sc: (list(STEPS).index(sc[0]), sc[1]))
        for s, c in cats:
            print(f'| {s} | {c} | {by_cat[(s, c, "problem")]} | {by_cat[(s, c, "clean")]} |')
    if '--naive' in sys.argv:
        print('\nnaive keyword matcher: share of problem clauses flagged (recall) / share of clean clauses flagged')
        for step, words in NAIVE.items():
            hit = lambda r: any(w in r['text'] for w in words)
            p = [r for r in rows if r['step'] == step and r['label'] == 'problem']
            c = [r for r in rows if r['step'] == step and r['label'] == 'clean']
            print(f'  {step:17} recall {sum(map(hit, p)) / max(len(p), 1):6.1%}   clean flagged {sum(map(hit, c)) / max(len(c), 1):6.1%}')
    for e in errors:
        print('ERROR', e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
