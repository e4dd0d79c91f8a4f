#!/usr/bin/python3
"""Saves a document as a password-protected .docx with LibreOffice, through UNO.

    /usr/bin/python3 corpus/samples/bad/encrypt_docx.py SOURCE.fodt OUT.docx PASSWORD

Needs Debian's python3-uno (apt-get install -y python3-uno), which only works with the system Python.
LibreOffice writes what Word writes for "Encrypt with Password": an OLE compound file holding EncryptionInfo and
EncryptedPackage streams (ECMA-376 standard encryption, AES-128) — not a zip.
"""

import os
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import NamedValue, PropertyValue  # type: ignore[import-not-found]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main() -> int:
    src, dst, password = sys.argv[1:4]
    profile = os.environ.get("LO_PROFILE_UNO", "/tmp/lo-samples-uno")
    pipe = f"filing_samples_{os.getpid()}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                               "--invisible", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(100):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - office not listening yet
                time.sleep(0.3)
        if ctx is None:
            print("could not connect to soffice", file=sys.stderr)
            return 1
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        # What the Save As dialog's "Save with password" puts in the media descriptor for OOXML filters.
        encryption = uno.Any("[]com.sun.star.beans.NamedValue",
                             (NamedValue("OOXPassword", password),
                              NamedValue("CryptoType", "StrongEncryptionDataSpace")))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(os.path.abspath(dst)),
                                       (prop("FilterName", "MS Word 2007 XML"), prop("EncryptionData", encryption))))
        doc.close(True)
        return 0
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # noqa: BLE001 - the bridge drops when office exits
                pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(main())
