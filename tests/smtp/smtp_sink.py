#!/usr/bin/python3
"""A real SMTP server on a loopback port for the tests (Debian's python3-aiosmtpd).

    smtp_sink.py FOLDER    listens on a free 127.0.0.1 port, prints smtp://127.0.0.1:PORT (the only
                           line on stdout) once it accepts connections, and runs until SIGTERM.

Each message accepted for a recipient is written to FOLDER/<recipient>/<n>.eml (written to a
temporary name, then renamed, so that a test never reads half of one). Recipients choose how they
are answered, so that tests running at once do not disturb each other:
  name+refuseN@…   the first N deliveries to this address get "451 try again later";
  name+reject@…    every delivery gets "550 no such mailbox".
"""
import asyncio
import os
import re
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.refused = {}
        self.counter = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if "+reject" in local:
            return "550 5.1.1 No such mailbox"
        refuse = re.search(r"\+refuse(\d+)", local)
        if refuse:
            seen = self.refused.get(address, 0)
            if seen < int(refuse.group(1)):
                self.refused[address] = seen + 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            box = os.path.join(self.folder, address.lower())
            os.makedirs(box, exist_ok=True)
            self.counter += 1
            name = os.path.join(box, "%06d.eml" % self.counter)
            with open(name + ".part", "wb") as out:
                out.write(envelope.original_content or envelope.content)
            os.rename(name + ".part", name)
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("smtp://127.0.0.1:%d" % port, flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
