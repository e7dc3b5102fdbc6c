"""Certificates as Open Badges 3.0 credentials: the JSON against 1EdTech's JSON schema, the
VC-JWT against the published keys with a second, independent JOSE implementation (PyJWT; the
add-on signs with jwcrypto), tampering, revocation through the Bitstring Status List, key
rotation, and who may read or rotate the keys."""

import base64
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import jwt as pyjwt
from jwcrypto import jwk, jws

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.network_certificate import jwt_payload
from ..models.network_credential_status_list import (
    STATUS_LIST_SIZE,
    bit_is_set,
    decode_bitstring,
    encode_bitstring,
)
from .common import CertificationTestCommon

SCHEMA_PATH = Path(__file__).parent / "data" / "ob_v3p0_achievementcredential_schema.json"
LISTENER = [(1990, "listener"), (1990, "listener"), (1989, "listener")]
PRESENTER = [(1990, "presenter"), (1990, "presenter"), (1989, "presenter")]


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def verify_pyjwt(token, jwks):
    """Verify ``token`` with PyJWT against a JWKS (dict), choosing the key by the header's kid,
    as a relying party would."""
    kid = pyjwt.get_unverified_header(token)["kid"]
    key = pyjwt.PyJWKSet.from_dict(jwks)[kid]
    return pyjwt.decode(
        token,
        key.key,
        algorithms=["EdDSA"],
        options={"verify_aud": False, "require": ["iss", "nbf", "jti"]},
    )


def tamper(token):
    """The token with one byte of its payload changed (the signature left as it was)."""
    header, payload, signature = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    position = raw.index(b'"licenseNumber":"') + len('"licenseNumber":"')
    raw[position] = ord("9") if raw[position] != ord("9") else ord("8")
    return ".".join((header, b64url(bytes(raw)), signature))


class CredentialTestCommon(CertificationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Key = cls.env["network.credential.key"]
        cls.company.write({"email": "imc@example.com", "website": "https://imc.example.com"})
        cls.teacher = cls._create_teacher(cls.applicant, "Anna Credential")
        cls.presenter = cls._create_teacher(cls.executor, "Boris Presenter")
        cls._give_tokens(cls.teacher, *LISTENER)
        cls._give_tokens(cls.presenter, *PRESENTER)
        certificates = cls._issue(cls.teacher | cls.presenter)
        cls.certificate = certificates.filtered(lambda c: c.partner_id == cls.teacher)
        cls.network_certificate = certificates - cls.certificate
        cls.platform = cls._draft_certificate(cls.executor, kind="platform")
        cls.platform.action_issue()
        cls.schema = json.loads(SCHEMA_PATH.read_text())

    @classmethod
    def _create_portal_user(cls, login, partner):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": partner.id,
                    "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
                }
            )
        )


@tagged("post_install", "-at_install")
class TestCredentials(CredentialTestCommon):
    def test_every_issued_certificate_is_a_valid_open_badge(self):
        validator = jsonschema.Draft201909Validator(self.schema)
        for certificate in self.certificate | self.network_certificate | self.platform:
            with self.subTest(kind=certificate.certificate_kind):
                self.assertTrue(certificate.credential_jwt)
                credential = certificate._credential_json()
                errors = sorted(validator.iter_errors(credential), key=str)
                self.assertFalse(errors, [error.message for error in errors])
                self.assertEqual(
                    credential["type"], ["VerifiableCredential", "OpenBadgeCredential"]
                )
                # the issue date at midnight UTC, or the signing time if that is earlier
                valid_from = datetime.strptime(credential["validFrom"], "%Y-%m-%dT%H:%M:%SZ")
                self.assertLessEqual(valid_from, datetime.utcnow())
                self.assertIn(
                    valid_from.date(),
                    (certificate.issue_date, certificate.issue_date - timedelta(days=1)),
                )
                self.assertEqual(
                    jwt_payload(certificate.credential_jwt)["nbf"],
                    int(valid_from.replace(tzinfo=timezone.utc).timestamp()),
                )
                subject = credential["credentialSubject"]
                self.assertEqual(subject["licenseNumber"], certificate.name)
                self.assertEqual(subject["term"], self.year.name)
                self.assertEqual(subject["identifier"][0]["identityHash"], certificate.holder_name)
                achievement = subject["achievement"]
                kind_label = dict(
                    certificate._fields["certificate_kind"]._description_selection(self.env)
                )[certificate.certificate_kind]
                self.assertEqual(achievement["name"], kind_label)
                self.assertTrue(achievement["criteria"]["narrative"])
                issuer = credential["issuer"]
                self.assertEqual(issuer["id"], self.Key._issuer_did(self.company))
                self.assertEqual(issuer["name"], self.company.name)
                self.assertEqual(issuer["email"], "imc@example.com")
                self.assertEqual(issuer["url"], "https://imc.example.com")
                self.assertEqual(credential["id"], certificate._credential_url())
                # the schema file is the real one: a credential missing validFrom fails it
                broken = dict(credential)
                del broken["validFrom"]
                self.assertFalse(validator.is_valid(broken))

    def test_credential_states_the_certificate(self):
        credential = self.network_certificate._credential_json()
        subject = credential["credentialSubject"]
        self.assertEqual(
            [identifier["identityHash"] for identifier in subject["identifier"]],
            ["Boris Presenter", self.executor.name],
        )
        self.assertIn("3", subject["achievement"]["criteria"]["narrative"])
        # evidence: the card of the school year, then each exchanged token
        evidence = credential["evidence"]
        self.assertEqual(len(evidence), 1 + len(self.network_certificate.token_ids))
        self.assertIn(self.year.name, evidence[0]["name"])
        self.assertEqual(
            sorted(item["name"] for item in evidence[1:]),
            sorted(self.network_certificate.token_ids.event_id.mapped("name")),
        )
        platform = self.platform._credential_json()
        self.assertEqual(
            platform["credentialSubject"]["identifier"][0]["identityHash"], self.executor.name
        )
        self.assertEqual(len(platform["evidence"]), 1)
        # renaming the teacher afterwards changes nothing in what was signed
        self.teacher.name = "Anna Renamed"
        self.assertEqual(
            self.certificate._credential_json()["credentialSubject"]["identifier"][0][
                "identityHash"
            ],
            "Anna Credential",
        )

    def test_credential_speaks_the_centres_language(self):
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.skipTest("Russian is not installed in this database")
        self.company.partner_id.lang = "ru_RU"
        teacher = self._create_teacher(self.applicant, "Russian Credential")
        self._give_tokens(teacher, *PRESENTER)
        credential = self._issue(teacher)._credential_json()
        achievement = credential["credentialSubject"]["achievement"]
        self.assertEqual(achievement["name"], "Сетевой педагог")
        self.assertIn("центриков", achievement["criteria"]["narrative"])
        self.assertIn("Карта активности", credential["evidence"][0]["name"])
        self.assertIn("Транслятор опыта", credential["evidence"][1]["description"])
        self.assertTrue(credential["name"].startswith("Сетевой педагог №"))

    def test_jwt_verifies_with_published_key_and_fails_when_tampered(self):
        jwks = self.Key._jwks()
        token = self.certificate.credential_jwt
        header = pyjwt.get_unverified_header(token)
        self.assertEqual((header["alg"], header["typ"]), ("EdDSA", "vc+jwt"))
        claims = verify_pyjwt(token, jwks)
        self.assertEqual(claims["iss"], self.Key._issuer_did(self.company))
        self.assertEqual(claims["jti"], self.certificate._credential_url())
        self.assertEqual(claims["credentialSubject"]["licenseNumber"], self.certificate.name)
        # the library the add-on signs with agrees
        public = jwk.JWK(**{k: v for k, v in jwks["keys"][0].items() if k in ("kty", "crv", "x")})
        checked = jws.JWS()
        checked.deserialize(token)
        checked.verify(public)
        # one byte of the payload changed: both refuse it
        forged = tamper(token)
        self.assertNotEqual(jwt_payload(forged), jwt_payload(token))
        with self.assertRaises(pyjwt.InvalidSignatureError):
            verify_pyjwt(forged, jwks)
        forged_jws = jws.JWS()
        forged_jws.deserialize(forged)
        with self.assertRaises(jws.InvalidJWSSignature):
            forged_jws.verify(public)
        # another key (not the issuer's) does not verify the genuine token either
        other = json.loads(jwk.JWK.generate(kty="OKP", crv="Ed25519").export_public())
        other["kid"] = header["kid"]
        with self.assertRaises(pyjwt.InvalidSignatureError):
            verify_pyjwt(token, {"keys": [other]})

    def test_revocation_flips_exactly_the_certificates_bit(self):
        status_list = self.certificate.status_list_id
        self.assertEqual(self.network_certificate.status_list_id, status_list)
        self.assertNotEqual(
            self.certificate.status_list_index, self.network_certificate.status_list_index
        )
        entry = self.certificate._credential_json()["credentialStatus"]
        self.assertEqual(entry["type"], "BitstringStatusListEntry")
        self.assertEqual(entry["statusPurpose"], "revocation")
        self.assertEqual(entry["statusListIndex"], str(self.certificate.status_list_index))
        self.assertEqual(entry["statusListCredential"], status_list._url())

        def bits():
            claims = verify_pyjwt(status_list.credential_jwt, self.Key._jwks())
            self.assertEqual(
                claims["type"], ["VerifiableCredential", "BitstringStatusListCredential"]
            )
            return decode_bitstring(claims["credentialSubject"]["encodedList"])

        before = bits()
        self.assertEqual(len(before) * 8, STATUS_LIST_SIZE)
        self.assertFalse(bit_is_set(before, self.certificate.status_list_index))
        revoked_before = status_list.revoked_count
        self.certificate.action_revoke("Tokens of a cancelled event")
        after = bits()
        changed = [
            index
            for index in range(STATUS_LIST_SIZE)
            if bit_is_set(before, index) != bit_is_set(after, index)
        ]
        self.assertEqual(changed, [self.certificate.status_list_index])
        self.assertFalse(bit_is_set(after, self.network_certificate.status_list_index))
        self.assertEqual(status_list.revoked_count, revoked_before + 1)
        # what was signed at issue stays as it was: the list says it is revoked
        self.assertTrue(self.certificate.credential_jwt)

    def test_key_rotation_keeps_old_credentials_verifiable(self):
        old_key = self.Key._get_signing_key(self.company)
        old_token = self.certificate.credential_jwt
        new_key = self.Key._rotate(self.company)
        self.assertNotEqual(new_key, old_key)
        self.assertEqual(old_key.state, "retired")
        teacher = self._create_teacher(self.applicant, "After Rotation")
        self._give_tokens(teacher, *LISTENER)
        new_certificate = self._issue(teacher)
        jwks = self.Key._jwks()
        self.assertEqual(
            {key["kid"] for key in jwks["keys"]},
            {old_key._verification_method(), new_key._verification_method()},
        )
        self.assertEqual(
            pyjwt.get_unverified_header(old_token)["kid"], old_key._verification_method()
        )
        self.assertEqual(
            pyjwt.get_unverified_header(new_certificate.credential_jwt)["kid"],
            new_key._verification_method(),
        )
        verify_pyjwt(old_token, jwks)
        verify_pyjwt(new_certificate.credential_jwt, jwks)
        # a revocation after the rotation: the list is signed with the new key, and verifies
        self.certificate.action_revoke()
        list_token = self.certificate.status_list_id.credential_jwt
        self.assertEqual(
            pyjwt.get_unverified_header(list_token)["kid"], new_key._verification_method()
        )
        verify_pyjwt(list_token, jwks)
        # the did:web document publishes both keys too
        document = self.Key._did_document(self.company)
        self.assertEqual(
            [method["id"] for method in document["verificationMethod"]],
            [old_key._verification_method(), new_key._verification_method()],
        )

    def test_second_signing_changes_nothing(self):
        token = self.certificate.credential_jwt
        self.assertFalse(self.certificate._credential_issue())
        self.assertFalse(self.Certificate._credential_sign_missing())
        self.assertEqual(self.certificate.credential_jwt, token)

    def test_missing_credentials_are_signed_later(self):
        # a certificate issued before the credentials existed
        teacher = self._create_teacher(self.applicant, "Issued Earlier")
        self._give_tokens(teacher, *LISTENER)
        certificate = self._issue(teacher)
        self.env.cr.execute(
            "UPDATE network_certificate SET credential_jwt = NULL, status_list_id = NULL, "
            "status_list_index = NULL WHERE id = %s",
            [certificate.id],
        )
        self.env.invalidate_all()
        self.assertEqual(self.Certificate._credential_sign_missing(), certificate)
        verify_pyjwt(certificate.credential_jwt, self.Key._jwks())

    def test_drafts_and_revoked_get_no_new_credential(self):
        draft = self._draft_certificate(self.teacher, year=self.year_1988)
        self.assertFalse(draft._credential_issue())
        self.assertFalse(draft.credential_jwt)

    def test_bitstring_encoding(self):
        encoded = encode_bitstring([0, 7, 8, STATUS_LIST_SIZE - 1])
        self.assertTrue(encoded.startswith("u"))
        self.assertNotIn("=", encoded)
        bits = decode_bitstring(encoded)
        self.assertEqual(bits[0], 0b10000001)
        self.assertEqual(bits[1], 0b10000000)
        self.assertEqual(bits[-1], 0b00000001)
        self.assertEqual(sum(bin(byte).count("1") for byte in bits), 4)

    def test_allocation_draws_distinct_free_indexes(self):
        StatusList = self.env["network.credential.status.list"]
        taken = set(
            self.Certificate.search([("status_list_id", "!=", False)]).mapped("status_list_index")
        )
        slots = StatusList._allocate(self.company, 500)
        self.assertEqual(len(set(slots)), 500)
        self.assertFalse({index for _list, index in slots} & taken)
        self.assertTrue(all(0 <= index < STATUS_LIST_SIZE for _list, index in slots))


@tagged("post_install", "-at_install")
class TestCredentialKeyAccess(CredentialTestCommon):
    def test_nobody_reads_the_keys(self):
        manager = self._create_user(
            "cred_manager", "network_methodology.group_network_manager,base.group_system"
        )
        admin = self.env.ref("base.user_admin")
        for user in (manager, admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Key.with_user(user).search([])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Key.sudo().search([], limit=1).with_user(user).read(["private_jwk"])

    def test_only_an_administrator_rotates(self):
        user = self._create_user("cred_methodist", "network_methodology.group_network_manager")
        current = self.Key._get_signing_key(self.company)
        with self.assertRaises(AccessError):
            self.Key.with_user(user)._rotate(self.company)
        self.assertEqual(current.state, "current")
        admin = self._create_user("cred_admin", "base.group_system")
        settings = self.env["res.config.settings"].with_user(admin).create({})
        settings.action_network_rotate_credential_key()
        self.assertEqual(current.state, "retired")
        self.assertEqual(
            self.Key.sudo().search_count(
                [("company_id", "=", self.company.id), ("state", "=", "current")]
            ),
            1,
        )

    def test_holder_decides_whether_the_page_shows_the_name(self):
        user = self._create_portal_user("cred_anna", self.teacher)
        colleague = self._create_teacher(self.applicant, "Colleague")
        colleague_user = self._create_portal_user("cred_colleague", colleague)
        self.certificate.with_user(user).action_set_name_shown(False)
        self.assertFalse(self.certificate.credential_name_shown)
        # the credential still carries the name
        self.assertEqual(
            self.certificate._credential_json()["credentialSubject"]["identifier"][0][
                "identityHash"
            ],
            "Anna Credential",
        )
        for stranger in (colleague_user, self.env.ref("base.user_admin")):
            with self.subTest(user=stranger.login), self.assertRaises(UserError):
                self.certificate.with_user(stranger).action_set_name_shown(True)
        self.assertFalse(self.certificate.credential_name_shown)
        with self.assertRaises(UserError):
            self.platform.with_user(user).action_set_name_shown(False)
        self.certificate.with_user(user).action_set_name_shown(True)
        self.assertTrue(self.certificate.credential_name_shown)
