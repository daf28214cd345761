#pragma once
class Database;
int publishAll(Database &db);
