"""Printable documents: repayment agreement PDFs and their verification."""
