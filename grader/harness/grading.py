"""What a test file may import besides `solution` and `unittest` (docs/contract.md,
"Assignments on disk"). Trusted: it runs in the runner, never in the sandbox.

    from grading import type_name
    type_name(x)   the student's class name of x: "BankAccount" for one of their objects,
                   "ValueError" or their own exception's name for a caught exception,
                   type(x).__name__ for a plain value ("int", "list"...)
"""

from remote import type_name

__all__ = ["type_name"]
