import os

PRODUCT_ADDR = os.environ["PRODUCT_ADDR"]
