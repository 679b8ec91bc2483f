"""Plain data in, bytes or pages out: ESC/POS receipts, PDFs, barcodes. No database, no Qt."""
