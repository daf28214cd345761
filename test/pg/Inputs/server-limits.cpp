// Two Poco::Data pools to one database (10 + 12 connections), for
// --server-limits: the budget against the limits a live server reports.
#include <Poco/Data/SessionPool.h>

void orders() { Poco::Data::SessionPool Pool("PostgreSQL", "dbname=app", 1, 10); }
void reports() { Poco::Data::SessionPool Pool("PostgreSQL", "dbname=app", 1, 12); }
