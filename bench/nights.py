#!/usr/bin/env python3
"""Deterministic input of several business days: one CDR file per night (the counts given, in order, from
2026-10-02 on), a charge per account each night when --charges is given, and payments for half the
accounts on the first night. Accounts cycle through the invoicing modes, or are all INDIVIDUAL_AND_MONTHLY
(an invoice per charge) with --individual.
Usage: nights.py OUT_DIR ACCOUNTS CDRS_NIGHT_1 [CDRS_NIGHT_2 ...] [--charges] [--individual]"""
import datetime
import os
import random
import sys

MODES = ["INDIVIDUAL_AND_MONTHLY", "CONSOLIDATED_MONTHLY", "NO_INVOICE"]
FIRST = datetime.date(2026, 10, 2)


def write_rows(path, header, rows):
    with open(path, "w", newline="\n") as f:
        f.write(header + "\n")
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == 10_000:
                f.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            f.write("\n".join(batch) + "\n")


def cdrs(rng, night, day, count, accounts):
    for i in range(count):
        account = rng.randrange(accounts)
        second = rng.randrange(86_400)
        start = f"{day}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}Z"
        duration = rng.randint(1, 3600)
        status = "ONGOING" if rng.random() < 0.01 else "COMPLETED"
        yield f"N{night:03d}-{i:09d},ACC-{account:06d},CALL,{start},{duration},{duration * 0.0054:.6f},SGD,{status}"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    charges = "--charges" in sys.argv
    modes = MODES[:1] if "--individual" in sys.argv else MODES
    out, accounts, counts = args[0], int(args[1]), [int(n) for n in args[2:]]
    rng = random.Random(42)
    os.makedirs(out, exist_ok=True)
    write_rows(os.path.join(out, "accounts.csv"), "account_id,name,currency,invoicing_mode,credit_limit,tax_rate",
               (f"ACC-{a:06d},Customer {a},SGD,{modes[a % len(modes)]},{rng.randint(1, 50) * 100}.00,0.09"
                for a in range(accounts)))
    for night, count in enumerate(counts):
        day = FIRST + datetime.timedelta(days=night)
        write_rows(os.path.join(out, f"cdr-{day}.csv"),
                   "cdr_id,account_id,type,start_time,duration_s,amount,currency,status",
                   cdrs(rng, night, day, count, accounts))
        if charges:
            write_rows(os.path.join(out, f"charges-{day}.csv"),
                       "charge_id,account_id,type,charge_date,amount,currency,description",
                       (f"CH-{a:06d}-{night:03d},ACC-{a:06d},ADDON,{day},4.90,SGD,Add-on" for a in range(accounts)))
    write_rows(os.path.join(out, f"payments-{FIRST}.csv"),
               "payment_id,account_id,payment_date,amount,currency,method,invoice_ref",
               (f"PAY-{a:06d},ACC-{a:06d},{FIRST},{rng.randint(10, 500)}.00,SGD,BANK_TRANSFER,"
                for a in range(0, accounts, 2)))


if __name__ == "__main__":
    main()
