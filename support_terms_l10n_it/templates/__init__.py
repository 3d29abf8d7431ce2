from .clauses import CLAUSES

__all__ = ["CLAUSES"]
