#!/usr/bin/env python3
"""Adds up JUnit XML reports and prints the closing "N passed, N failed" line.

Skipped and unsupported tests are reported apart, never counted as passed.
Exits 1 when anything failed or when no test ran at all.
"""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            print(f"FAILED: {case.get('classname')}.{case.get('name')}")
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1

if skipped:
    print(f"({skipped} skipped or unsupported, not counted as passed)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
