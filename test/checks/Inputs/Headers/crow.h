// Mock of Crow's amalgamated include (CrowCpp/Crow include/crow.h).
#ifndef POOLGUARD_MOCK_CROW_H
#define POOLGUARD_MOCK_CROW_H
#include "crow/app.h"
#endif
