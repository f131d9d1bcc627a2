import { complaintFormErrors } from '../src/lib/complaint-form'
import { photoUploadProblem } from '../src/lib/photo-uploads'

describe('a form with photos is sent only once every photo is uploaded', () => {
  it('waits for a photo on its way', () => {
    expect(photoUploadProblem([{ status: 'done' }, { status: 'uploading' }])).toBe('照片还在上传，请稍候再提交')
  })

  it('never leaves a failed photo out of the evidence unnoticed', () => {
    expect(photoUploadProblem([{ status: 'done' }, { status: 'failed' }])).toBe('有照片上传失败，请点「重试」或删除后再提交')
  })

  it('says the wait first when one is on its way and another failed (a retry may be running)', () => {
    expect(photoUploadProblem([{ status: 'failed' }, { status: 'uploading' }])).toBe('照片还在上传，请稍候再提交')
  })

  it('lets the form go with every photo uploaded, or none picked', () => {
    expect(photoUploadProblem([{ status: 'done' }, { status: 'done' }])).toBeUndefined()
    expect(photoUploadProblem([])).toBeUndefined()
  })

  it('speaks as the complaint form does, which checks its photos the same way', () => {
    const photos = [{ status: 'failed' as const }]
    expect(complaintFormErrors('QH8K2M4P6R', { commitmentKey: 'none', description: '', amount: '', phone: '', sharePhoneWithMerchant: false, privacyConsent: false }, photos, '2026-03-01').photos).toBe(
      photoUploadProblem(photos)
    )
  })
})
