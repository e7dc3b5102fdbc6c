"""The public routes of the credentials (credential, revocation list, keys, did:web document),
the verification page's downloads and the holder's choice in the portal, through HTTP."""

import base64
import io
import json

from PIL import Image

from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.network_credential_status_list import bit_is_set, decode_bitstring
from .test_credentials import verify_pyjwt
from .test_portal import CertificationPortalCommon

JWT_TYPE = "application/vc+jwt"
KEYS = "/network/credentials/keys.json"


@tagged("post_install", "-at_install")
class TestCredentialRoutes(CertificationPortalCommon):
    def _credential_url(self, certificate):
        return f"/network/certificate/{certificate.sudo().verification_code}/credential"

    def test_credential_as_json_ld_and_as_jwt(self):
        url = self._credential_url(self.own)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("application/ld+json"))
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], "*")
        self.assertEqual(response.json(), self.own._credential_json())
        response = self.url_open(url, headers={"Accept": JWT_TYPE})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], JWT_TYPE)
        token = response.text
        self.assertEqual(token, self.own.credential_jwt)
        # verified with the keys as published over HTTP
        jwks = self.url_open("/network/credentials/keys.json").json()
        claims = verify_pyjwt(token, jwks)
        self.assertEqual(claims["credentialSubject"]["licenseNumber"], self.own.name)
        # downloads, as the verification page and the portal offer them
        download = self.url_open(url + "?format=jwt&download=1")
        self.assertIn("attachment", download.headers["Content-Disposition"])
        self.assertEqual(download.text, token)
        self.assertIn(".json", self.url_open(url + "?download=1").headers["Content-Disposition"])

    @mute_logger("odoo.http")
    def test_no_credential_for_drafts_or_unknown_codes(self):
        for url in (
            self._credential_url(self.own_draft),
            "/network/certificate/%s/credential" % ("x" * 32),
            "/network/certificate/short/credential",
            "/network/credentials/status/999999",
            "/network/issuer/999999/did.json",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)

    def test_revoked_certificate_credential_and_status_list(self):
        status = self.revoked._credential_json()["credentialStatus"]
        list_url = status["statusListCredential"]
        path = list_url[list_url.index("/network/credentials/status/") :]
        response = self.url_open(path, headers={"Accept": JWT_TYPE})
        self.assertEqual(response.status_code, 200)
        jwks = self.url_open("/network/credentials/keys.json").json()
        claims = verify_pyjwt(response.text, jwks)
        bits = decode_bitstring(claims["credentialSubject"]["encodedList"])
        self.assertTrue(bit_is_set(bits, int(status["statusListIndex"])))
        own_index = int(self.own._credential_json()["credentialStatus"]["statusListIndex"])
        self.assertFalse(bit_is_set(bits, own_index))
        as_json = self.url_open(path).json()
        self.assertEqual(as_json["credentialSubject"], claims["credentialSubject"])
        self.assertNotIn("iss", as_json)
        # the revoked certificate's credential is still served: the list says it is revoked
        self.assertEqual(self.url_open(self._credential_url(self.revoked)).status_code, 200)

    def test_did_web_document(self):
        document = self.url_open("/.well-known/did.json").json()
        Key = self.env["network.credential.key"]
        self.assertEqual(document["id"], Key._issuer_did(self.env.company))
        kids = {method["id"] for method in document["verificationMethod"]}
        header = json.loads(base64.urlsafe_b64decode(self.own.credential_jwt.split(".")[0] + "=="))
        self.assertIn(header["kid"], kids)
        self.assertEqual(
            document["assertionMethod"], [m["id"] for m in document["verificationMethod"]]
        )

    def test_verification_page_offers_the_credential(self):
        page = self.url_open(f"/network/certificate/verify/{self.own.sudo().verification_code}")
        self.assertIn(self._credential_url(self.own) + "?download=1", page.text)
        self.assertIn(self._credential_url(self.own) + "?format=jwt&amp;download=1", page.text)
        self.assertIn("o_network_certificate_credential", page.text)
        self.assertIn(self.listener.name, page.text)
        self.assertNotIn("certificate_holder_hidden", page.text)

    def test_teacher_hides_name_from_verification_page(self):
        verify_url = f"/network/certificate/verify/{self.own.sudo().verification_code}"
        self.assertTrue(self.own.credential_name_shown)
        self._login(self.teacher_user)
        page = self.url_open(self._url(self.own))
        self.assertIn("o_network_certificate_name_shown", page.text)
        self.assertIn(self._credential_url(self.own) + "?download=1", page.text)
        self._post(self._url(self.own, "/name_shown"), {})
        self.assertFalse(self.own.credential_name_shown)
        self.authenticate(None, None)
        page = self.url_open(verify_url)
        self.assertIn("certificate_holder_hidden", page.text)
        self.assertNotIn(self.listener.name, page.text)
        # the credential still names the holder
        self.assertIn(self.listener.name, self.url_open(self._credential_url(self.own)).text)
        self._login(self.teacher_user)
        self._post(self._url(self.own, "/name_shown"), {"shown": "1"})
        self.assertTrue(self.own.credential_name_shown)
        self.authenticate(None, None)
        self.assertIn(self.listener.name, self.url_open(verify_url).text)

    @mute_logger("odoo.http")
    def test_nobody_else_decides_for_the_holder(self):
        # a colleague's certificate: not found for this teacher, nothing changes
        self._login(self.teacher_user)
        response = self._post(self._url(self.colleague_cert, "/name_shown"), {})
        self.assertEqual(response.status_code, 404)
        self.assertTrue(self.colleague_cert.credential_name_shown)
        # a coordinator (not a teacher) is refused the page
        self._login(self.coordinator_appl)
        response = self._post(self._url(self.colleague_cert, "/name_shown"), {})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.colleague_cert.credential_name_shown)
        # the same through JSON-RPC: the model refuses
        self._login(self.teacher_user)
        with self.assertRaises(Exception):  # noqa: B017 - the UserError comes back as a JSON-RPC error
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/network.certificate/action_set_name_shown",
                {
                    "model": "network.certificate",
                    "method": "action_set_name_shown",
                    "args": [[self.colleague_cert.id], False],
                    "kwargs": {},
                },
            )
        self.assertTrue(self.colleague_cert.credential_name_shown)

    def test_baked_badge_image(self):
        url = self._credential_url(self.own) + ".png"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")
        image = Image.open(io.BytesIO(response.content))
        image.load()  # a well-formed PNG: every chunk's CRC checks out
        self.assertEqual(image.text["openbadgecredential"], self.own.credential_jwt)
        verify_pyjwt(image.text["openbadgecredential"], self.url_open(KEYS).json())
        self.assertEqual(response.content.count(b"openbadgecredential"), 1)
        page = self.url_open(f"/network/certificate/verify/{self.own.sudo().verification_code}")
        self.assertIn(url + "?download=1", page.text)
        with mute_logger("odoo.http"):
            self.assertEqual(
                self.url_open(self._credential_url(self.own_draft) + ".png").status_code, 404
            )
