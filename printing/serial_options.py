"""The serial line settings a printer can be set up with (light to import: no pyserial)."""

BAUDS = (9600, 19200, 38400, 115200)
FLOW = ("none", "xonxoff", "rtscts")
PARITY_NAMES = ("none", "even", "odd")
