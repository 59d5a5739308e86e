-- CreateTable
CREATE TABLE "PortalAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT,
    "guardianId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT,
    "activatedAt" DATETIME,
    "lastSignInAt" DATETIME,
    "enabledAt" DATETIME,
    "enabledById" TEXT,
    "disabledAt" DATETIME,
    "disabledById" TEXT,
    "linkExpiresAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortalAccess_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PortalAccess_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PortalAccess_enabledById_fkey" FOREIGN KEY ("enabledById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PortalAccess_disabledById_fkey" FOREIGN KEY ("disabledById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivationLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accessId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "ActivationLink_accessId_fkey" FOREIGN KEY ("accessId") REFERENCES "PortalAccess" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accessId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "email" TEXT,
    "copyRequested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessEvent_accessId_fkey" FOREIGN KEY ("accessId") REFERENCES "PortalAccess" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "messageId" TEXT NOT NULL,
    "isCopy" BOOLEAN NOT NULL DEFAULT false,
    "eventId" TEXT,
    "bulkSendId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AccessEvent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_bulkSendId_fkey" FOREIGN KEY ("bulkSendId") REFERENCES "BulkSend" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'preparing',
    "selection" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preparedAt" DATETIME,
    CONSTRAINT "BulkSend_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkSendItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bulkSendId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "outboxMessageId" TEXT,
    CONSTRAINT "BulkSendItem_bulkSendId_fkey" FOREIGN KEY ("bulkSendId") REFERENCES "BulkSend" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSendItem_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSendItem_outboxMessageId_fkey" FOREIGN KEY ("outboxMessageId") REFERENCES "OutboxMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalAccess_studentId_key" ON "PortalAccess"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "PortalAccess_guardianId_key" ON "PortalAccess"("guardianId");

-- CreateIndex
CREATE INDEX "PortalAccess_enabled_disabledAt_idx" ON "PortalAccess"("enabled", "disabledAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivationLink_tokenHash_key" ON "ActivationLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ActivationLink_accessId_createdAt_idx" ON "ActivationLink"("accessId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessEvent_accessId_createdAt_idx" ON "AccessEvent"("accessId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_bulkSendId_status_idx" ON "OutboxMessage"("bulkSendId", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_eventId_idx" ON "OutboxMessage"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "BulkSendItem_outboxMessageId_key" ON "BulkSendItem"("outboxMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "BulkSendItem_bulkSendId_studentId_key" ON "BulkSendItem"("bulkSendId", "studentId");
