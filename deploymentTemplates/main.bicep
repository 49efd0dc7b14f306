// The bot's Azure home: a Linux App Service for .NET 10, a storage account for workshop data, a
// user-assigned managed identity (the bot's Microsoft App ID and its key to storage, so no secret
// exists anywhere), a Key Vault holding the certificate that encrypts the bot's Data Protection keys
// at rest, and the Azure Bot resource with the Teams channel.
// This file is the source; azuredeploy.json is built from it with the Bicep CLI:
//   bicep build deploymentTemplates/main.bicep --outfile deploymentTemplates/azuredeploy.json
// (tests/SocialProtection.Bot.Deployment.Tests rebuilds it and fails if the two disagree).

metadata description = 'SocialProtection.Bot: Teams bot for social protection lesson-extraction workshops.'

@description('Short prefix for every resource name, lowercase letters and digits only; a suffix unique to the resource group is added.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'spbot'

@description('Region for the App Service, storage and identity. The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for a workshop of a few hundred people; Free/Shared plans cannot keep the bot always on.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0; S1 only matters for premium channels.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy. Standard_ZRS keeps copies in three zones where the region has them.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Blob container that holds the workshop data.')
@minLength(3)
@maxLength(63)
param containerName string = 'workshop'

@description('Name shown for the bot in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'Social Protection Workshop'

@description('IANA time zone of the follow-up reminders\' working days, hours and quiet hours (dates on cards are always Thailand\'s).')
param workshopTimeZone string = 'Asia/Bangkok'

@description('Microsoft Entra tenant of the managed identity and of the Teams users.')
param tenantId string = tenant().tenantId

@description('Name of the Key Vault certificate that encrypts the bot\'s Data Protection keys at rest (create it after the deployment: docs/deploy.md).')
param dataProtectionCertificateName string = 'data-protection'

@description('Object id of the person who creates that certificate (az ad signed-in-user show --query id); given Key Vault Certificates Officer on the vault. Empty: grant it another way.')
param keyVaultAdministratorObjectId string = ''

var suffix = uniqueString(resourceGroup().id)
var identityName = '${namePrefix}-id-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var webAppName = '${namePrefix}-${suffix}'
var botName = '${namePrefix}-bot-${suffix}'
// Storage names allow lowercase letters and digits only, 3 to 24 of them.
var storageAccountName = toLower('${namePrefix}${suffix}')
// Azure built-in role "Storage Blob Data Contributor".
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Key Vault names: 3 to 24 letters, digits and hyphens, starting with a letter.
var keyVaultName = take('${namePrefix}kv${suffix}', 24)
// Azure built-in role "Key Vault Certificate User": read a certificate with its private key (the bot).
var keyVaultCertificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
// Azure built-in role "Key Vault Certificates Officer": create and renew certificates (the operator).
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only: the bot reaches blobs with its managed identity, never with an account key.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    // A deleted or overwritten blob can be brought back for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure roles only, as for storage.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource certificateUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultCertificateUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificateUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource certificatesOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultAdministratorObjectId)) {
  scope: keyVault
  name: guid(keyVault.id, keyVaultAdministratorObjectId, keyVaultCertificatesOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficer)
    principalId: keyVaultAdministratorObjectId
    principalType: 'User'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // The published host (dotnet publish src/SocialProtection.Bot.Host); named so App Service never guesses.
      appCommandLine: 'dotnet SocialProtection.Bot.Host.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      // Every configuration key the bot reads in Azure, and nothing else (the deployment tests check this list).
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          name: 'Storage__AccountUrl'
          value: 'https://${storage.name}.blob.${environment().suffixes.storage}'
        }
        {
          name: 'Storage__ContainerName'
          value: containerName
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          name: 'Reminders__Schedule__TimeZoneId'
          value: workshopTimeZone
        }
        {
          name: 'DataProtection__KeyVaultUri'
          value: keyVault.properties.vaultUri
        }
        {
          name: 'DataProtection__CertificateName'
          value: dataProtectionCertificateName
        }
        {
          name: 'DataProtection__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
      ]
    }
  }
  dependsOn: [
    // The bot must not start before it may read and write its container and read its certificate.
    blobDataContributor
    container
    certificateUser
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('The web app to deploy the bot to (az webapp deploy --name).')
output webAppName string = webApp.name

@description('Host name of the bot; BOT_DOMAIN for the Teams app package.')
output webAppHostName string = webApp.properties.defaultHostName

@description('The bot\'s Microsoft App ID (the managed identity\'s client id); BOT_ID for the Teams app package.')
output botAppId string = identity.properties.clientId

@description('Name of the Azure Bot resource (to change its messaging endpoint for a dev-tunnel pilot).')
output botName string = bot.name

@description('Messaging endpoint registered with the Azure Bot resource.')
output messagingEndpoint string = bot.properties.endpoint

@description('Storage account that holds the workshop data.')
output storageAccountName string = storage.name

@description('Key Vault that holds the Data Protection certificate.')
output keyVaultName string = keyVault.name
