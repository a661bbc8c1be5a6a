"""Latin ids for the people a plan names (``李飛`` → ``li-fei``): the hand-written table of
:mod:`masswork.draft.pinyin` against the pypinyin library, on one table of names with the id
a clerk would write. Prints each reader's id per name (✓ right, ✗ wrong), the totals,
microseconds per name, import time and installed size, measured in this run.

    python benchmarks/draft_pinyin.py        # needs: pip install pypinyin

The names are common ones, names whose surname reads unlike the character's common reading
(單 shan, 曾 zeng, 解 xie, 仇 qiu, 區 ou, 查 zha, 樂 yue, 朴 piao …), names whose given name
has a character of two readings (重陽 chongyang, 長春 changchun), Traditional forms, and
compound surnames (歐陽, 司馬, 諸葛), which neither reader tells apart.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from masswork.draft.pinyin import SURNAME_READINGS, person_id

NAMES: tuple[tuple[str, str], ...] = (
    # common
    ("李飞", "li-fei"), ("焦国庆", "jiao-guoqing"), ("张伟", "zhang-wei"), ("王芳", "wang-fang"),
    ("刘洋", "liu-yang"), ("陈静", "chen-jing"), ("杨帆", "yang-fan"), ("赵磊", "zhao-lei"),
    ("黄勇", "huang-yong"), ("周杰", "zhou-jie"), ("吴敏", "wu-min"), ("徐强", "xu-qiang"),
    ("孙丽", "sun-li"), ("马超", "ma-chao"), ("朱红", "zhu-hong"), ("胡军", "hu-jun"),
    ("郭涛", "guo-tao"), ("何平", "he-ping"), ("高峰", "gao-feng"), ("林涛", "lin-tao"),
    ("罗斌", "luo-bin"), ("梁红", "liang-hong"), ("宋佳", "song-jia"), ("唐宁", "tang-ning"),
    ("韩梅", "han-mei"), ("冯军", "feng-jun"), ("邓超", "deng-chao"), ("曹阳", "cao-yang"),
    ("彭程", "peng-cheng"), ("蒋勤", "jiang-qin"), ("蔡明", "cai-ming"), ("田野", "tian-ye"),
    ("董洁", "dong-jie"), ("袁泉", "yuan-quan"), ("潘越", "pan-yue"), ("于谦", "yu-qian"),
    ("杜甫", "du-fu"), ("叶青", "ye-qing"), ("程刚", "cheng-gang"), ("苏轼", "su-shi"),
    ("刘和平", "liu-heping"), ("蔡元培", "cai-yuanpei"), ("费翔", "fei-xiang"),
    # surnames read unlike the character's common reading
    ("单田芳", "shan-tianfang"), ("曾国藩", "zeng-guofan"), ("解缙", "xie-jin"), ("仇英", "qiu-ying"),
    ("区家麟", "ou-jialin"), ("查良镛", "zha-liangyong"), ("乐嘉", "yue-jia"), ("朴树", "piao-shu"),
    ("沈从文", "shen-congwen"), ("覃斌", "qin-bin"), ("翟志刚", "zhai-zhigang"), ("盖聂", "ge-nie"),
    ("柏杨", "bai-yang"), ("种师道", "chong-shidao"), ("华罗庚", "hua-luogeng"),
    ("纪晓岚", "ji-xiaolan"), ("宁泽涛", "ning-zetao"), ("缪斌", "miao-bin"),
    # a given name with a character of two readings
    ("王重阳", "wang-chongyang"), ("刘长春", "liu-changchun"), ("谢长青", "xie-changqing"),
    ("张乐平", "zhang-leping"), ("周传雄", "zhou-chuanxiong"),
    # Traditional
    ("焦國慶", "jiao-guoqing"), ("李飛", "li-fei"), ("張偉", "zhang-wei"), ("陳靜", "chen-jing"),
    ("單田芳", "shan-tianfang"), ("樂嘉", "yue-jia"), ("華羅庚", "hua-luogeng"),
    ("曾國藩", "zeng-guofan"), ("劉長春", "liu-changchun"), ("王重陽", "wang-chongyang"),
    ("趙磊", "zhao-lei"), ("鄧超", "deng-chao"), ("區家麟", "ou-jialin"), ("紀曉嵐", "ji-xiaolan"),
    # compound surnames
    ("欧阳修", "ouyang-xiu"), ("司马光", "sima-guang"), ("诸葛亮", "zhuge-liang"),
)


def _pypinyin(surnames: bool, folded: bool = False) -> Callable[[str], str]:
    """pypinyin's readings in context (its phrase dictionary); with ``surnames`` the first
    character read by masswork's surname table; with ``folded`` the name folded to
    Simplified first (pypinyin's phrases are Simplified)."""
    from pypinyin import Style, lazy_pinyin

    from masswork.hanzi import to_simplified

    def read(name: str) -> str:
        syl = lazy_pinyin(to_simplified(name) if folded else name, style=Style.NORMAL, errors="ignore")
        if not syl:
            return ""
        first = (SURNAME_READINGS.get(name[0]) if surnames else None) or syl[0]
        rest = "".join(syl[1:])
        return f"{first}-{rest}" if rest else first
    return read


def _import_ms(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print((time.perf_counter() - t) * 1000)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def _size_kb(path: Path) -> float:
    files = path.rglob("*") if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files if p.is_file() and p.suffix != ".pyc") / 1024


def main() -> None:
    readers: dict[str, Callable[[str], str]] = {"masswork": person_id}
    try:
        readers.update({"pypinyin": _pypinyin(False), "pypinyin+surnames": _pypinyin(True),
                        "+surnames+folded": _pypinyin(True, folded=True)})
    except ImportError:
        print("pypinyin is not installed: pip install pypinyin")
    names = list(readers)
    print("name".ljust(8) + "".join(n.rjust(20) for n in names))
    right = dict.fromkeys(names, 0)
    for name, want in NAMES:
        row = name + " " * (8 - 2 * len(name))
        for n in names:
            got = readers[n](name)
            right[n] += got == want
            row += f"{got} {'✓' if got == want else '✗'}".rjust(20)
        print(row)
    print("right".ljust(8) + "".join(f"{right[n]}/{len(NAMES)}".rjust(20) for n in names))
    reps = 200
    timing = "µs/name".ljust(8)
    for n in names:
        t = time.perf_counter()
        for _ in range(reps):
            for name, _want in NAMES:
                readers[n](name)
        timing += f"{(time.perf_counter() - t) / (reps * len(NAMES)) * 1e6:.1f}".rjust(20)
    print(timing)
    import masswork.draft.pinyin as own

    here = Path(own.__file__ or "")
    # Re-running the module (its table is a TSV beside it, read at import) and reading one
    # name: the table's own cost, without the drafter that imports it.
    load_own = ("import importlib, masswork.draft.pinyin as p; t = time.perf_counter(); "
                "importlib.reload(p); p.person_id(\"李飛\")")
    table = here.with_name("pinyin_readings.tsv")
    line = (f"masswork/draft/pinyin.py: import ms {_import_ms(load_own):.0f}, "
            f"size KB {_size_kb(here) + _size_kb(table):.0f}")
    if len(names) > 1:
        import pypinyin

        line += (f"; pypinyin: import+first call ms "
                 f"{_import_ms('from pypinyin import lazy_pinyin; lazy_pinyin(chr(0x674e))'):.0f}, "
                 f"size KB {_size_kb(Path(pypinyin.__file__ or '').parent):.0f}")
    print(line)


if __name__ == "__main__":
    main()
