// Mock of Hypodermic (ybainier/Hypodermic), trimmed to the registration API.
#ifndef POOLGUARD_MOCK_HYPODERMIC_H
#define POOLGUARD_MOCK_HYPODERMIC_H
#include "Hypodermic/ContainerBuilder.h"
#endif
