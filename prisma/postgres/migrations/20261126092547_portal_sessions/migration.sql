-- CreateTable
CREATE TABLE "PortalSession" (
    "id" TEXT NOT NULL,
    "accessId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PortalSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortalSession_accessId_idx" ON "PortalSession"("accessId");

-- CreateIndex
CREATE INDEX "PortalSession_expiresAt_idx" ON "PortalSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_accessId_fkey" FOREIGN KEY ("accessId") REFERENCES "PortalAccess"("id") ON DELETE CASCADE ON UPDATE CASCADE;
