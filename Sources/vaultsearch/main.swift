print("vaultsearch")
