"""Command line: `python -m tend.measures score|change|check`.

score DEFINITION.yaml                 reads {"responses": {"<item number>": value, ...}} on stdin,
                                      prints {"scores": ..., "missing": ..., "warnings": ...}
change DEFINITION.yaml SCORE BEFORE AFTER [--norm ID | --sd SD --reliability R]
                                      prints the RCI, the smallest reliable change, the category
                                      (and `recovered` where the score has published cut-offs)
check [FOLDER]                        validates every definition (default content/measures)

Bad input or a bad definition: a message on stderr and exit status 2.
"""

import argparse
import json
import sys
from pathlib import Path

from tend.measures.change import ChangeError, band, reliable_change
from tend.measures.definitions import CONTENT_FOLDER, DefinitionError, load_definition, load_folder
from tend.measures.scoring import ResponseError, score

BAD_INPUT = 2


def run_score(args, stdin, stdout) -> int:
    definition = load_definition(args.definition)
    try:
        payload = json.load(stdin)
    except json.JSONDecodeError as error:
        raise ResponseError(f"the input is not valid JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("responses"), dict):
        raise ResponseError('expected a JSON object {"responses": {"<item number>": value, ...}}')
    result = score(definition, payload["responses"])
    json.dump(result.as_dict(), stdout)
    stdout.write("\n")
    return 0


def run_change(args, stdin, stdout) -> int:
    definition = load_definition(args.definition)
    result = reliable_change(definition, args.score, args.before, args.after, args.norm,
                             sd=args.sd, reliability=args.reliability)
    output = result.as_dict()
    if result.recovered is None:
        del output["recovered"]
    for moment in ("before", "after"):
        found = band(definition, args.score, getattr(args, moment))
        if found is not None:
            output[f"band_{moment}"] = found.label
    json.dump(output, stdout)
    stdout.write("\n")
    return 0


def run_check(args, stdin, stdout) -> int:
    definitions = load_folder(args.folder)
    for definition in definitions.values():
        stdout.write(f"ok  {definition.id}  ({definition.kind}, {len(definition.items)} items, "
                     f"scores: {', '.join(definition.score_ids)})\n")
    stdout.write(f"{len(definitions)} definitions checked in {args.folder}\n")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m tend.measures",
                                   description="Score measures and work out reliable change.")
    commands = main.add_subparsers(dest="command", required=True)
    scoring = commands.add_parser("score", help="score answers read as JSON on stdin")
    scoring.add_argument("definition", type=Path)
    scoring.set_defaults(run=run_score)
    change = commands.add_parser("change", help="reliable change between two values of one score")
    change.add_argument("definition", type=Path)
    change.add_argument("score")
    change.add_argument("before", type=float)
    change.add_argument("after", type=float)
    change.add_argument("--norm", default=None, help="id of a norm in the definition")
    change.add_argument("--sd", type=float, default=None, help="SD of the score in a reference population")
    change.add_argument("--reliability", type=float, default=None, help="reliability of the score (0–1)")
    change.set_defaults(run=run_change)
    check = commands.add_parser("check", help="validate every definition in a folder")
    check.add_argument("folder", nargs="?", type=Path, default=CONTENT_FOLDER)
    check.set_defaults(run=run_check)
    return main


def main(argv=None, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args, stdin, stdout)
    except (DefinitionError, ResponseError, ChangeError) as problem:
        stderr.write(f"error: {problem}\n")
        return BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
