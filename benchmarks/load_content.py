"""Benchmark: how long loading a 20-module curriculum takes (target: under 5 seconds).

Run: .venv/bin/python benchmarks/load_content.py [--modules 20] [--lessons 5]
It writes a synthetic curriculum (copies of a realistic lesson) to a temporary folder, loads it
into a fresh temporary SQLite database twice (first load, then an unchanged reload), and prints
the figures. It never touches your own database.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=20)
    parser.add_argument("--lessons", type=int, default=5)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tend-bench-"))
    os.environ.update({"SQLITE_PATH": str(workdir / "bench.sqlite3"), "DJANGO_SETTINGS_MODULE": "tend.settings"})
    os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.core.management import call_command

    from tend.learn import loader
    from tend.learn.content import read_curriculum
    from tend.learn.tests.sample_content import write_module, GLOSSARY

    call_command("migrate", verbosity=0)
    content = workdir / "content"
    content.mkdir()
    (content / "glossary.yaml").write_text(GLOSSARY)
    real_lesson = next((ROOT / "content/curriculum").glob("*/02-*.md")).read_text()
    body = real_lesson.split("---\n", 2)[2]
    body = body.replace("[^", "[^x").replace("[[", "").replace("]]", "")  # keep it self-contained
    import re

    body = re.sub(r"\[\^x[^\]]*\]", "", body)
    body = re.sub(r"^!\[.*$", "", body, flags=re.MULTILINE)
    for number in range(1, args.modules + 1):
        folder = write_module(content, number, f"bench-{number}", f"Bench module {number}")
        names = []
        for n in range(1, args.lessons + 1):
            name = f"{n:02d}-lesson.md"
            (folder / name).write_text(f"---\nid: bench-{number}-{n}\ntitle: Lesson {n}\nestimated_minutes: 15\nobjectives:\n  - Read\n---\n{body}")
            names.append(name)
        yaml = (folder / "module.yaml").read_text().replace("  - 01-first.md\n  - 02-second.md\n", "".join(f"  - {x}\n" for x in names))
        (folder / "module.yaml").write_text(yaml)
        check = (folder / "knowledge_check.yaml").read_text()
        (folder / "knowledge_check.yaml").write_text(check.replace(f"bench-{number}-first", f"bench-{number}-1").replace(f"bench-{number}-second", f"bench-{number}-2"))
        for leftover in ("01-first.md", "02-second.md"):
            (folder / leftover).unlink()

    started = time.perf_counter()
    curriculum = read_curriculum(content)
    parsed = time.perf_counter()
    counts = loader.load(curriculum)
    first = time.perf_counter()
    loader.load(read_curriculum(content))
    again = time.perf_counter()
    words = sum(len(lesson.body_markdown.split()) for m in curriculum.modules for lesson in m.lessons)
    print(f"modules: {counts['modules']}, lessons: {counts['lessons']}, questions: {counts['questions']}, words: {words:,}")
    print(f"validate: {parsed - started:.2f} s; first load (validate + write): {first - started:.2f} s; unchanged reload: {again - first:.2f} s")
    print("target: under 5 s for 20 modules ->", "met" if first - started < 5 else "NOT met")


if __name__ == "__main__":
    main()
