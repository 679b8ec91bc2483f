"""Files shipped with the program: default point rules, fonts, icons."""
