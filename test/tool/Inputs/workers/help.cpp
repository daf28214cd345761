const char *Url = "postgres://db/app" "?a=1";
