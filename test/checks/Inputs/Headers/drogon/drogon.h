// Mock of drogon/drogon.h: the app and the database client API, trimmed.
#ifndef POOLGUARD_MOCK_DROGON_DROGON_H
#define POOLGUARD_MOCK_DROGON_DROGON_H
#include "drogon/HttpAppFramework.h"
#include "drogon/HttpController.h"
#include "drogon/orm/DbClient.h"
#include "drogon/orm/DbConfig.h"
#endif
