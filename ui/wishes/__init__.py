"""The wish wall (心愿墙): ``wall`` shows the wishes, ``forms`` records what is done with one, ``screen`` holds both."""
