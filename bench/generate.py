#!/usr/bin/env python3
"""Deterministic benchmark input: N CDRs over 10,000 accounts in one business day's file, plus charges
and payments. Usage: generate.py N OUT_DIR [SEED]"""
import os
import random
import sys

ACCOUNTS = 10_000
DAY = "2026-10-01"          # closes September: the run also issues the monthly invoices
MODES = ["INDIVIDUAL_AND_MONTHLY", "CONSOLIDATED_MONTHLY", "NO_INVOICE"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "accounts.csv"), "w", newline="\n") as f:
        f.write("account_id,name,currency,invoicing_mode,credit_limit,tax_rate\n")
        for a in range(ACCOUNTS):
            f.write(f"ACC-{a:05d},Customer {a},SGD,{MODES[a % 3]},{rng.randint(1, 50) * 100}.00,0.09\n")
    with open(os.path.join(out, f"cdr-{DAY}.csv"), "w", newline="\n") as f:
        f.write("cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n")
        lines = []
        for i in range(n):
            account = rng.randrange(ACCOUNTS)
            kind = rng.random()
            second = rng.randrange(86_400)
            start = f"2026-09-30T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
            if kind < 0.6:
                duration = rng.randint(1, 3600)
                row = f"C{i:09d},ACC-{account:05d},CALL,{start}Z,{duration},{duration * 0.0054:.6f},SGD,"
                row += "ONGOING" if rng.random() < 0.01 else "COMPLETED"
            elif kind < 0.95:
                row = f"C{i:09d},ACC-{account:05d},SMS,{start}+08:00,,0.0095,SGD,COMPLETED"
            elif kind < 0.99:
                row = f"C{i:09d},ACC-{account:05d},FAX,{start},{rng.randint(10, 300)},0.12,SGD,COMPLETED"
            else:
                row = f"C{i:09d},ACC-{account:05d},NUMBER_ACTIVATION,{start},,5.00,SGD,COMPLETED"
            lines.append(row)
            if len(lines) == 10_000:
                f.write("\n".join(lines) + "\n")
                lines = []
        if lines:
            f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, f"charges-{DAY}.csv"), "w", newline="\n") as f:
        f.write("charge_id,account_id,type,charge_date,amount,currency,description\n")
        for a in range(ACCOUNTS):
            f.write(f"SUB-{a:05d}-2610,ACC-{a:05d},SUBSCRIPTION,{DAY},49.00,SGD,Monthly plan\n")
    with open(os.path.join(out, f"payments-{DAY}.csv"), "w", newline="\n") as f:
        f.write("payment_id,account_id,payment_date,amount,currency,method,invoice_ref\n")
        for a in range(0, ACCOUNTS, 2):
            f.write(f"PAY-{a:05d},ACC-{a:05d},{DAY},{rng.randint(10, 500)}.00,SGD,BANK_TRANSFER,\n")


if __name__ == "__main__":
    main()
