"""Every change in payments: start, the provider's answers (exactly once), refunds, expiry.

Other apps and the delivery layers import from here.
"""

from .expiry import expire_unpaid
from .feedback import handle_feedback
from .refunds import refund
from .starting import HostedForm, ReturnUrls, start_payment

__all__ = ["HostedForm", "ReturnUrls", "expire_unpaid", "handle_feedback", "refund", "start_payment"]
