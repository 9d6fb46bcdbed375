from allauth.mfa.adapter import DefaultMFAAdapter

from tend.core import crypto


class TendMFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted with TEND_ENCRYPTION_KEYS."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
