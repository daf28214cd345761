#include <string>

static const std::string DATABASE_LINK =
    "postgresql://app:secret@db:5432/company?schema=public";

std::string url() { return DATABASE_LINK + "?connection_limit=5"; }
