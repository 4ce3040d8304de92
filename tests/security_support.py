"""Test helpers for the security tests: a fake but well-formed Google service-account key."""
from __future__ import annotations

import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def fake_service_account() -> tuple[bytes, list[str]]:
    """A service-account key file in Google's format, and the secret pieces to search for."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    body = pem.splitlines()[1:-1]
    key_id = os.urandom(20).hex()
    info = {
        "type": "service_account", "project_id": "mandag-test", "private_key_id": key_id, "private_key": pem,
        "client_email": "mandag-reader@mandag-test.iam.gserviceaccount.com", "client_id": "1234567890",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
    }
    # Pieces of the key: a few base64 lines of its body (a JSON dump escapes the line breaks between them).
    return json.dumps(info, indent=2).encode(), [body[1], body[5], body[-2], key_id]
